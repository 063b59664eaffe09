import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { parseAnthropicChatResponse } from './parse-anthropic-response.js';

const json = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
const CONTEXT = { createdAtSeconds: 1_750_000_000, upstreamModel: 'claude-fallback' };

describe('parseAnthropicChatResponse', () => {
  it('answers with an OpenAI chat.completion carrying Anthropic’s id and model', () => {
    const { body, usage } = parseAnthropicChatResponse(json('message-text.json'), CONTEXT);
    expect(body).toEqual({
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      object: 'chat.completion',
      created: 1_750_000_000,
      model: 'claude-sonnet-4-5-20250929',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'The Eiffel Tower is about 330 metres tall, including its antennas.',
            refusal: null,
          },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: {
        prompt_tokens: 2062,
        completion_tokens: 21,
        total_tokens: 2083,
        prompt_tokens_details: { cached_tokens: 2048, cache_write_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    });
    expect(usage).toEqual({
      promptTokens: 2062,
      completionTokens: 21,
      cachedTokens: 2048,
      reasoningTokens: 0,
    });
  });

  it('keeps the text beside tool calls, with arguments as a JSON string', () => {
    const { body } = parseAnthropicChatResponse(json('message-tool-use.json'), CONTEXT);
    expect(body.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: "I'll look up the current weather in Paris for you.",
          refusal: null,
          tool_calls: [
            {
              id: 'toolu_01A09q90qw90lq917835lq9',
              type: 'function',
              function: {
                name: 'get_weather',
                arguments: '{"location":"Paris, France","unit":"celsius"}',
              },
            },
          ],
        },
        logprobs: null,
        finish_reason: 'tool_calls',
      },
    ]);
  });

  it('leaves thinking out of the content and counts cache writes as prompt tokens', () => {
    const { body, usage } = parseAnthropicChatResponse(json('message-thinking.json'), CONTEXT);
    expect(body.choices).toMatchObject([{ message: { content: '27 × 453 = 12,231' } }]);
    expect(body.usage).toMatchObject({
      prompt_tokens: 48 + 1530,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 1530 },
    });
    expect(usage).toEqual({
      promptTokens: 1578,
      completionTokens: 96,
      cachedTokens: 0,
      reasoningTokens: 0,
      cacheWriteTokens: 1530,
      cacheWrite1hTokens: 0,
    });
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['pause_turn', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['something_new', 'stop'],
  ])('maps stop_reason %s to finish_reason %s', (stopReason, finishReason) => {
    const message = { ...json('message-text.json'), stop_reason: stopReason };
    const { body } = parseAnthropicChatResponse(message, CONTEXT);
    expect(body.choices).toMatchObject([{ finish_reason: finishReason }]);
  });

  it('answers content null when there is no text, and falls back to the upstream model name', () => {
    const message = { ...json('message-text.json'), content: [], model: undefined };
    const { body } = parseAnthropicChatResponse(message, CONTEXT);
    expect(body.model).toBe('claude-fallback');
    expect(body.choices).toMatchObject([{ message: { content: null } }]);
  });

  it('types a text block without text, or usage without input tokens, as malformed', () => {
    const bodies = [
      { ...json('message-text.json'), content: [{ type: 'text' }] },
      { ...json('message-text.json'), usage: { output_tokens: 3 } },
      { ...json('message-tool-use.json'), content: [{ type: 'tool_use', name: 'f' }] },
    ];
    for (const body of bodies) {
      expect(() => parseAnthropicChatResponse(body, CONTEXT)).toThrow(ProviderError);
      try {
        parseAnthropicChatResponse(body, CONTEXT);
      } catch (error) {
        expect(error).toMatchObject({ kind: 'malformed_response', status: 200, retryable: false });
      }
    }
  });
});
