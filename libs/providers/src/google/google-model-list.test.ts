import { describe, expect, it } from 'vitest';
import { googleModelList } from './google-model-list.js';

const target = {
  baseUrl: 'https://g.example/v1beta',
  apiKey: 'AIza',
  headers: { 'x-a': '1' },
  routedModels: [],
};
const parse = (body: unknown) => googleModelList.parsePage(body, undefined, target);

describe('googleModelList', () => {
  it('sends the key and page token in the query', () => {
    expect(googleModelList.buildRequest(target, 'next 1')).toEqual({
      url: 'https://g.example/v1beta/models?pageSize=1000&key=AIza&pageToken=next+1',
      method: 'GET',
      headers: { 'x-a': '1' },
      body: undefined,
    });
  });

  it('keeps models that generate or embed, without the models/ prefix', () => {
    const page = parse({
      models: [
        { name: 'models/gemini-2.5-flash', inputTokenLimit: 1_048_576, outputTokenLimit: 65_536 },
        { name: 'models/embedding-001', supportedGenerationMethods: ['embedContent'] },
        { name: 'models/aqa', supportedGenerationMethods: ['generateAnswer'] },
      ],
      nextPageToken: '',
    });
    expect(page).toEqual({
      models: [
        { upstreamModel: 'gemini-2.5-flash', contextLength: 1_048_576, maxOutputTokens: 65_536 },
        { upstreamModel: 'embedding-001', contextLength: null, maxOutputTokens: null },
      ],
      nextCursor: undefined,
    });
    expect(parse({ nextPageToken: 'p2' })).toEqual({
      models: [],
      nextCursor: 'p2',
    });
  });
});
