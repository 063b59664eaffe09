import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { convertChatCompletionToMessage } from './convert-chat-completion-to-message.js';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));

function completion(
  message: Record<string, unknown>,
  finishReason: string | null,
  usage?: unknown,
) {
  return {
    id: 'chatcmpl-x1',
    object: 'chat.completion',
    choices: [
      { index: 0, message: { role: 'assistant', ...message }, finish_reason: finishReason },
    ],
    ...(usage === undefined ? {} : { usage }),
  };
}

describe('convertChatCompletionToMessage', () => {
  it('converts a text answer, with cached tokens counted apart from input tokens', () => {
    const message = convertChatCompletionToMessage(
      fixture('openai-chat-completion.json'),
      'claude-sonnet-4-5',
    );
    expect(message).toEqual({
      id: 'msg_B9MHDbslfkBeAs8l4bebGdFOJ6PeG',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        {
          type: 'text',
          text: 'The image shows a wooden boardwalk path running through a lush green field.',
        },
      ],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: {
        input_tokens: 93,
        output_tokens: 46,
        cache_read_input_tokens: 1024,
        cache_creation_input_tokens: 0,
      },
    });
  });

  it('converts tool calls to tool_use blocks after the text, with parsed input', () => {
    const message = convertChatCompletionToMessage(
      fixture('openai-chat-tool-call.json'),
      'claude-haiku-4-5',
    );
    expect(message.content).toEqual([
      { type: 'text', text: "I'll look that up." },
      {
        type: 'tool_use',
        id: 'call_abc123',
        name: 'get_current_weather',
        input: { location: 'Boston, MA' },
      },
      { type: 'tool_use', id: 'call_def456', name: 'get_time', input: {} },
    ]);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toEqual({
      input_tokens: 82,
      output_tokens: 17,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it('keeps arguments that are not a JSON object as raw_arguments', () => {
    const body = completion(
      {
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a": 1' } },
          { id: 'call_2', type: 'function', function: { name: 'g', arguments: '[1,2]' } },
        ],
      },
      'tool_calls',
    );
    expect(convertChatCompletionToMessage(body, 'm').content).toEqual([
      { type: 'tool_use', id: 'call_1', name: 'f', input: { raw_arguments: '{"a": 1' } },
      { type: 'tool_use', id: 'call_2', name: 'g', input: { raw_arguments: '[1,2]' } },
    ]);
  });

  it.each([
    ['stop', 'end_turn'],
    ['length', 'max_tokens'],
    ['tool_calls', 'tool_use'],
    ['content_filter', 'refusal'],
    [null, 'end_turn'],
  ])('maps finish_reason %s to stop_reason %s', (finishReason, stopReason) => {
    const message = convertChatCompletionToMessage(completion({ content: 'x' }, finishReason), 'm');
    expect(message.stop_reason).toBe(stopReason);
    expect(message.stop_sequence).toBeNull();
  });

  it('stops with tool_use when a server finishes tool calls with "stop"', () => {
    const body = completion(
      {
        content: null,
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      'stop',
    );
    expect(convertChatCompletionToMessage(body, 'm').stop_reason).toBe('tool_use');
  });

  it('turns a refusal into a text block with stop_reason refusal', () => {
    const body = completion({ content: null, refusal: "I can't help with that." }, 'stop');
    const message = convertChatCompletionToMessage(body, 'm');
    expect(message.content).toEqual([{ type: 'text', text: "I can't help with that." }]);
    expect(message.stop_reason).toBe('refusal');
  });

  it('subtracts cache writes from input tokens when the server reports them', () => {
    const body = completion({ content: 'ok' }, 'stop', {
      prompt_tokens: 5000,
      completion_tokens: 20,
      prompt_tokens_details: { cached_tokens: 1000, cache_write_tokens: 3000 },
    });
    expect(convertChatCompletionToMessage(body, 'm').usage).toEqual({
      input_tokens: 1000,
      output_tokens: 20,
      cache_read_input_tokens: 1000,
      cache_creation_input_tokens: 3000,
    });
  });

  it('reports zero usage and an empty content list when the completion has neither', () => {
    const message = convertChatCompletionToMessage(completion({ content: '' }, 'stop'), 'm');
    expect(message.content).toEqual([]);
    expect(message.usage).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
    });
  });

  it('keeps an id without the chatcmpl- prefix as it is', () => {
    const body = { ...completion({ content: 'x' }, 'stop'), id: 'gen-1741-abc' };
    expect(convertChatCompletionToMessage(body, 'm').id).toBe('msg_gen-1741-abc');
  });

  it('keeps an Anthropic upstream’s message id as it is, never msg_msg_…', () => {
    const body = { ...completion({ content: 'x' }, 'stop'), id: 'msg_01XFDUDYJgAACzvnptvVoYEL' };
    expect(convertChatCompletionToMessage(body, 'm').id).toBe('msg_01XFDUDYJgAACzvnptvVoYEL');
  });

  it('throws a typed error for a body that is not a chat completion', () => {
    expect(() => convertChatCompletionToMessage({ object: 'list' }, 'm')).toThrow(ProviderError);
  });
});
