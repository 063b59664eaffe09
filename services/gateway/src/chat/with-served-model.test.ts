import { createOpenAiSseEncoder } from '@switchyard/providers';
import { describe, expect, it } from 'vitest';
import { withServedModel } from './with-served-model.js';

describe('withServedModel', () => {
  it('names the Switchyard model in every chunk, leaving the rest of each event as written', () => {
    const encoder = withServedModel(createOpenAiSseEncoder(), 'openai/gpt-4o');
    const events =
      'data: {"id":"c1","model":"gpt-4o-2024-08-06","choices":[{"delta":{"content":"\\"model\\":\\"x\\""}}]}\n\n' +
      'data: {"id":"c1", "model" : "gpt-4o-2024-08-06","choices":[]}\n\ndata: [DONE]\n\n';
    encoder.passThrough(events);
    const out = encoder.take();
    expect(out).toBe(
      'data: {"id":"c1","model":"openai/gpt-4o","choices":[{"delta":{"content":"\\"model\\":\\"x\\""}}]}\n\n' +
        'data: {"id":"c1", "model":"openai/gpt-4o","choices":[]}\n\ndata: [DONE]\n\n',
    );
  });

  it('names it in typed chunks too', () => {
    const encoder = withServedModel(createOpenAiSseEncoder(), 'openai/gpt-4o');
    encoder.chunk({ id: 'c1', object: 'chat.completion.chunk', model: 'gpt-4o', choices: [] });
    expect(encoder.take()).toBe(
      'data: {"id":"c1","object":"chat.completion.chunk","model":"openai/gpt-4o","choices":[]}\n\n',
    );
  });

  it('writes a model id with `$` in it as it is', () => {
    const encoder = withServedModel(createOpenAiSseEncoder(), 'team/$&-model');
    encoder.passThrough('data: {"id":"c1","model":"gpt-4o","choices":[]}\n\n');
    expect(encoder.take()).toBe('data: {"id":"c1","model":"team/$&-model","choices":[]}\n\n');
  });
});
