import { describe, expect, it } from 'vitest';
import { openAiModelList } from './openai-model-list.js';

const parse = (body: unknown) =>
  openAiModelList.parsePage(body, undefined, {
    baseUrl: 'http://vllm.local/v1',
    apiKey: undefined,
    headers: {},
    routedModels: [],
  });

describe('openAiModelList', () => {
  it('sends the key as a Bearer token only when there is one', () => {
    const target = {
      baseUrl: 'http://vllm.local/v1',
      apiKey: undefined,
      headers: { 'x-a': '1' },
      routedModels: [],
    };
    expect(openAiModelList.buildRequest(target, undefined).headers).toEqual({ 'x-a': '1' });
    expect(openAiModelList.buildRequest({ ...target, apiKey: 'sk-1' }, undefined).headers).toEqual({
      'x-a': '1',
      authorization: 'Bearer sk-1',
    });
  });

  it('reads one page, keeping context lengths vLLM or OpenRouter state and skipping odd entries', () => {
    expect(
      parse({
        data: [{ id: 'gpt-4o' }, { id: 'llama', max_model_len: 8192 }, { id: '' }, 'x'],
      }),
    ).toEqual({
      models: [
        { upstreamModel: 'gpt-4o', contextLength: null, maxOutputTokens: null },
        { upstreamModel: 'llama', contextLength: 8192, maxOutputTokens: null },
      ],
      nextCursor: undefined,
    });
    expect(parse({ object: 'list' })).toBeUndefined();
  });
});
