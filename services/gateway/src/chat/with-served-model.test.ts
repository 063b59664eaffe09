import type { ChatStreamTransformer } from '@switchyard/providers';
import { describe, expect, it } from 'vitest';
import { withServedModel } from './with-served-model.js';

/** A transformer that forwards its input as is, like the OpenAI-compatible pass-through. */
function passThrough(): ChatStreamTransformer {
  return {
    push: (chunk) => Buffer.from(chunk).toString('utf8'),
    end: () => '',
    usage: undefined,
    completed: true,
    failure: undefined,
  };
}

describe('withServedModel', () => {
  it('names the Switchyard model in every chunk, leaving the rest of each event as written', () => {
    const transformer = withServedModel(passThrough(), 'openai/gpt-4o');
    const events =
      'data: {"id":"c1","model":"gpt-4o-2024-08-06","choices":[{"delta":{"content":"\\"model\\":\\"x\\""}}]}\n\n' +
      'data: {"id":"c1", "model" : "gpt-4o-2024-08-06","choices":[]}\n\ndata: [DONE]\n\n';
    const out = transformer.push(new TextEncoder().encode(events));
    expect(out).toBe(
      'data: {"id":"c1","model":"openai/gpt-4o","choices":[{"delta":{"content":"\\"model\\":\\"x\\""}}]}\n\n' +
        'data: {"id":"c1", "model":"openai/gpt-4o","choices":[]}\n\ndata: [DONE]\n\n',
    );
  });
});
