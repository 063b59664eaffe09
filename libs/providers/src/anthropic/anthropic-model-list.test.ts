import { describe, expect, it } from 'vitest';
import { anthropicModelList } from './anthropic-model-list.js';

const target = {
  baseUrl: 'https://api.anthropic.com/v1',
  apiKey: 'sk-ant',
  headers: {},
  routedModels: [],
};
const parse = (body: unknown) => anthropicModelList.parsePage(body, undefined, target);

describe('anthropicModelList', () => {
  it('asks for a page after the cursor with the key and version headers', () => {
    expect(anthropicModelList.buildRequest(target, 'claude a/b')).toEqual({
      url: 'https://api.anthropic.com/v1/models?limit=1000&after_id=claude%20a%2Fb',
      method: 'GET',
      headers: { 'anthropic-version': '2023-06-01', 'x-api-key': 'sk-ant' },
      body: undefined,
    });
    expect(anthropicModelList.buildRequest(target, undefined).url).toBe(
      'https://api.anthropic.com/v1/models?limit=1000',
    );
  });

  it('follows last_id while has_more, and stops on the last page', () => {
    const page = { data: [{ id: 'claude-a' }, { id: 'claude-b' }], has_more: true };
    expect(parse({ ...page, last_id: 'claude-b' })).toEqual({
      models: [
        { upstreamModel: 'claude-a', contextLength: null, maxOutputTokens: null },
        { upstreamModel: 'claude-b', contextLength: null, maxOutputTokens: null },
      ],
      nextCursor: 'claude-b',
    });
    expect(parse(page)?.nextCursor).toBe('claude-b');
    expect(parse({ ...page, has_more: false })?.nextCursor).toBeUndefined();
  });

  it('answers undefined for a body that is not a model page', () => {
    expect(parse({ models: [] })).toBeUndefined();
  });
});
