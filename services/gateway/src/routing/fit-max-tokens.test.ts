import type { ChatCompletionRequest } from '@switchyard/contracts';
import { describe, expect, it, vi } from 'vitest';
import { countTokens } from '../usage/count-tokens.js';
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

describe('measurePrompt', () => {
  const tools: ChatCompletionRequest['tools'] = [
    {
      type: 'function',
      function: {
        name: 'read_file',
        description: 'Reads a file. '.repeat(50),
        parameters: { type: 'object', properties: { path: { type: 'string' } } },
      },
    },
  ];
  const withTools = request('Fix the bug.', {
    messages: [
      { role: 'user', content: 'Fix the bug.' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_1',
            type: 'function',
            function: { name: 'read_file', arguments: '{"path":"a.ts"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'export const a = 1;' },
    ],
    tools,
  });

  it('bounds tool calls and tool definitions by their JSON without serialising them', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const prompt = measurePrompt(withTools);
      expect(stringify).not.toHaveBeenCalled();
      const [, assistant] = withTools.messages;
      const json = [JSON.stringify(assistant?.tool_calls), JSON.stringify(tools)];
      const texts = ['Fix the bug.', 'export const a = 1;', ...json];
      const fixed = 3 * 4 + 3;
      // No escapes in these texts but the arguments' quotes (one byte each in the bound).
      const escapedQuotes = 4;
      expect(prompt.upperBound).toBe(
        texts.reduce((sum, text) => sum + Buffer.byteLength(text), fixed) - escapedQuotes,
      );
      // Counting serialises them: the tokenizer reads their JSON, in the prompt's order.
      const tokens = texts.reduce((sum, text) => sum + countTokens(text), 0);
      expect(prompt.count()).toBe(Math.ceil(tokens * 1.15) + fixed);
      expect(prompt.estimate()).toBe(tokens + fixed);
    } finally {
      stringify.mockRestore();
    }
  });
});
