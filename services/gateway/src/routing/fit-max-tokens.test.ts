import type { ChatCompletionRequest } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { fitMaxTokens, measurePrompt } from './fit-max-tokens.js';
import { testCatalog } from './test-catalog.js';

const catalog = testCatalog({
  'm/small': { routes: ['p'], contextLength: 1000, maxOutputTokens: 300 },
});
const model = catalog.find('m/small');
if (!model) throw new Error('test catalog');
const request = (
  text: string,
  extra: Partial<ChatCompletionRequest> = {},
): ChatCompletionRequest => ({
  model: 'm/small',
  messages: [{ role: 'user', content: text }],
  ...extra,
});

describe('fitMaxTokens', () => {
  it('leaves a request that clearly fits untouched, without running the tokenizer', () => {
    const prompt = measurePrompt(request('hello'));
    const counted = { calls: 0 };
    const spy = {
      ...prompt,
      count: () => {
        counted.calls += 1;
        return prompt.count();
      },
    };
    expect(fitMaxTokens(request('hello', { max_tokens: 100 }), model, spy, true)).toEqual({
      request: request('hello', { max_tokens: 100 }),
      adjustedMaxTokens: undefined,
    });
    expect(counted.calls).toBe(0);
  });

  it('supplies max_tokens for a provider that needs one: what the context leaves, capped by the output limit', () => {
    const fitted = fitMaxTokens(request('hello'), model, measurePrompt(request('hello')), true);
    expect(fitted?.adjustedMaxTokens).toBe(300);
    expect(fitted?.request.max_tokens).toBe(300);
    expect(
      fitMaxTokens(request('hello'), model, measurePrompt(request('hello')), false)
        ?.adjustedMaxTokens,
    ).toBeUndefined();
  });

  it('lowers max_tokens that would overflow the context window', () => {
    const long = 'word '.repeat(800);
    const fitted = fitMaxTokens(
      request(long, { max_completion_tokens: 250 }),
      model,
      measurePrompt(request(long)),
      false,
    );
    expect(fitted?.adjustedMaxTokens).toBeLessThan(250);
    expect(fitted?.adjustedMaxTokens).toBeGreaterThan(0);
    expect(fitted?.request.max_completion_tokens).toBe(fitted?.adjustedMaxTokens);
  });

  it('reports a prompt that cannot fit at all', () => {
    const huge = 'word '.repeat(2000);
    expect(fitMaxTokens(request(huge), model, measurePrompt(request(huge)), false)).toBeUndefined();
  });
});
