import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  createMessagesStreamTranslator,
  type MessagesStreamTranslator,
} from './create-messages-stream-translator.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const OPTIONS = { requestedModel: 'claude-sonnet-4-5', messageId: 'msg_01XFDUDYJgAACzvnptvVoYEL' };

/** OpenAI SSE text passed through to the translator; the Anthropic text it completes. */
function push(translator: MessagesStreamTranslator, openAiSse: string): string {
  translator.passThrough(openAiSse);
  return translator.take();
}

/** Feeds the OpenAI SSE in pieces of `size` characters, as the network would split it. */
function translate(openAiSse: string, size = 11): string {
  const translator = createMessagesStreamTranslator(OPTIONS);
  let out = '';
  for (let offset = 0; offset < openAiSse.length; offset += size) {
    out += push(translator, openAiSse.slice(offset, offset + size));
  }
  return out + translator.end();
}

interface AnthropicEvent {
  type: string;
  index?: number;
  delta?: Record<string, unknown>;
  content_block?: Record<string, unknown>;
  message?: Record<string, unknown>;
  usage?: Record<string, unknown>;
  error?: Record<string, unknown>;
}

/** The Anthropic events of the output, checking each is framed as `event: <type>\ndata: <json>`. */
function parse(out: string): AnthropicEvent[] {
  expect(out.endsWith('\n\n')).toBe(true);
  return out
    .slice(0, -2)
    .split('\n\n')
    .map((block) => {
      const [eventLine, dataLine, ...rest] = block.split('\n');
      expect(rest).toEqual([]);
      const data = JSON.parse(dataLine?.replace(/^data: /, '') ?? '') as AnthropicEvent;
      expect(eventLine).toBe(`event: ${data.type}`);
      return data;
    });
}

/** A compact outline: the event type, its block index and the block or delta type. */
const outline = (events: AnthropicEvent[]) =>
  events.map((event) =>
    [event.type, event.index, event.content_block?.type ?? event.delta?.type]
      .filter((part) => part !== undefined)
      .join(':'),
  );

const joined = (events: AnthropicEvent[], index: number, field: 'text' | 'partial_json') =>
  events
    .filter((event) => event.type === 'content_block_delta' && event.index === index)
    .map((event) => event.delta?.[field])
    .join('');

describe('createMessagesStreamTranslator', () => {
  it('streams text as message_start, one text block, message_delta with usage and message_stop', () => {
    const events = parse(translate(fixture('openai-stream-text.sse')));
    expect(events).toEqual([
      {
        type: 'message_start',
        message: {
          id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
          type: 'message',
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: {
            input_tokens: 0,
            output_tokens: 0,
            cache_creation_input_tokens: 0,
            cache_read_input_tokens: 0,
          },
        },
      },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hello' } },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: '! How can I help? Ünïcödé ✓' },
      },
      { type: 'content_block_stop', index: 0 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: {
          input_tokens: 99,
          output_tokens: 10,
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 1920,
        },
      },
      { type: 'message_stop' },
    ]);
  });

  it('streams a tool call given in fragments as one tool_use block of input_json_delta', () => {
    const events = parse(translate(fixture('openai-stream-tool-call.sse')));
    expect(outline(events)).toEqual([
      'message_start',
      'content_block_start:0:tool_use',
      'content_block_delta:0:input_json_delta',
      'content_block_delta:0:input_json_delta',
      'content_block_delta:0:input_json_delta',
      'content_block_stop:0',
      'message_delta',
      'message_stop',
    ]);
    expect(events[1]?.content_block).toEqual({
      type: 'tool_use',
      id: 'call_DdmO9pD3xa9XTPNJ32zg2hcA',
      name: 'get_weather',
      input: {},
    });
    expect(joined(events, 0, 'partial_json')).toBe('{"location":"Paris, France"}');
    expect(events.at(-2)).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: {
        input_tokens: 60,
        output_tokens: 18,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
  });

  it('closes the text block before the tool calls and numbers blocks in order of appearance', () => {
    const events = parse(translate(fixture('openai-stream-text-then-tools.sse')));
    expect(outline(events)).toEqual([
      'message_start',
      'content_block_start:0:text',
      'content_block_delta:0:text_delta',
      'content_block_delta:0:text_delta',
      'content_block_stop:0',
      'content_block_start:1:tool_use',
      'content_block_delta:1:input_json_delta',
      'content_block_delta:1:input_json_delta',
      'content_block_stop:1',
      'content_block_start:2:tool_use',
      'content_block_delta:2:input_json_delta',
      'content_block_delta:2:input_json_delta',
      'content_block_stop:2',
      'message_delta',
      'message_stop',
    ]);
    expect(joined(events, 0, 'text')).toBe('Let me check both cities.');
    expect(JSON.parse(joined(events, 1, 'partial_json'))).toEqual({ city: 'Paris' });
    expect(JSON.parse(joined(events, 2, 'partial_json'))).toEqual({ city: 'Tokyo' });
    expect(events[5]?.content_block).toMatchObject({ id: 'call_paris', name: 'get_weather' });
    expect(events[9]?.content_block).toMatchObject({ id: 'call_tokyo', name: 'get_weather' });
    expect(events.at(-2)?.delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
  });

  it('gives the same events however the input is split, and with CRLF line endings', () => {
    const sse = fixture('openai-stream-text-then-tools.sse');
    const whole = translate(sse, sse.length);
    expect(translate(sse, 1)).toBe(whole);
    expect(translate(sse, 7)).toBe(whole);
    expect(translate(sse.replace(/\n/g, '\r\n'), 2)).toBe(whole);
  });

  it('reads usage sent on the finish chunk (vLLM) and maps length to max_tokens', () => {
    const sse = [
      'data: {"id":"chatcmpl-7c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi there"},"finish_reason":null}]}',
      'data: {"id":"chatcmpl-7c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"length"}],"usage":{"prompt_tokens":12,"total_tokens":15,"completion_tokens":3}}',
      'data: [DONE]',
      '',
    ].join('\n\n');
    const events = parse(translate(sse));
    expect(events.at(-2)).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'max_tokens', stop_sequence: null },
      usage: {
        input_tokens: 12,
        output_tokens: 3,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
  });

  it('turns an error event into a final Anthropic error event and writes nothing after it', () => {
    const translator = createMessagesStreamTranslator(OPTIONS);
    const out = push(translator, fixture('openai-stream-error.sse'));
    const events = parse(out);
    expect(outline(events)).toEqual([
      'message_start',
      'content_block_start:0:text',
      'content_block_delta:0:text_delta',
      'error',
    ]);
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: {
        type: 'api_error',
        message:
          'Upstream error from openai (HTTP 500): The server had an error while processing your request.',
      },
    });
    expect(push(translator, 'data: [DONE]\n\n')).toBe('');
    expect(translator.end()).toBe('');
  });

  it('maps a rate limit error sent before any chunk to rate_limit_error', () => {
    const sse =
      'data: {"error":{"message":"Rate limited by openai (HTTP 429): slow down","type":"rate_limit_error","code":"rate_limit_exceeded","param":null}}\n\n';
    expect(parse(translate(sse))).toEqual([
      {
        type: 'error',
        error: {
          type: 'rate_limit_error',
          message: 'Rate limited by openai (HTTP 429): slow down',
        },
      },
    ]);
  });

  it('ends with an api_error when the stream stops without [DONE]', () => {
    const sse = fixture('openai-stream-text.sse')
      .split('data: {"id"')
      .slice(0, 3)
      .join('data: {"id"');
    const events = parse(translate(sse));
    expect(outline(events)).toEqual([
      'message_start',
      'content_block_start:0:text',
      'content_block_delta:0:text_delta',
      'error',
    ]);
    expect(events.at(-1)?.error).toEqual({
      type: 'api_error',
      message: 'The stream ended early, before it was complete.',
    });
  });

  it('still completes a message when [DONE] arrives without any chunk', () => {
    expect(outline(parse(translate('data: [DONE]\n\n')))).toEqual([
      'message_start',
      'message_delta',
      'message_stop',
    ]);
  });

  it('completes when the last event lacks its blank line at the end', () => {
    const sse = fixture('openai-stream-tool-call.sse').trimEnd();
    expect(outline(parse(translate(sse))).slice(-2)).toEqual(['message_delta', 'message_stop']);
  });

  it('sends a refusal as text and stops with refusal', () => {
    const sse = [
      'data: {"id":"chatcmpl-r","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":null,"refusal":""},"finish_reason":null}]}',
      `data: {"id":"chatcmpl-r","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"refusal":"I can't help with that."},"finish_reason":null}]}`,
      'data: {"id":"chatcmpl-r","object":"chat.completion.chunk","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}',
      'data: [DONE]',
      '',
    ].join('\n\n');
    const events = parse(translate(sse));
    expect(joined(events, 0, 'text')).toBe("I can't help with that.");
    expect(events.at(-2)?.delta).toEqual({ stop_reason: 'refusal', stop_sequence: null });
    expect(events.at(-2)?.usage).toEqual({ output_tokens: 0 });
  });

  it('opens a block per call when a server sends whole calls in one chunk without index or id', () => {
    const sse = [
      'data: {"id":"chatcmpl-g","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"a","arguments":"{\\"x\\":1}"}},{"type":"function","function":{"name":"b","arguments":"{}"}}]},"finish_reason":"stop"}]}',
      'data: [DONE]',
      '',
    ].join('\n\n');
    const events = parse(translate(sse));
    expect(outline(events)).toEqual([
      'message_start',
      'content_block_start:0:tool_use',
      'content_block_delta:0:input_json_delta',
      'content_block_stop:0',
      'content_block_start:1:tool_use',
      'content_block_delta:1:input_json_delta',
      'content_block_stop:1',
      'message_delta',
      'message_stop',
    ]);
    expect(events[1]?.content_block).toEqual({
      type: 'tool_use',
      id: 'toolu_01XFDUDYJgAACzvnptvVoYEL_0',
      name: 'a',
      input: {},
    });
    expect(events[4]?.content_block).toMatchObject({ id: 'toolu_01XFDUDYJgAACzvnptvVoYEL_1' });
    expect(JSON.parse(joined(events, 0, 'partial_json'))).toEqual({ x: 1 });
    expect(events.at(-2)?.delta).toEqual({ stop_reason: 'tool_use', stop_sequence: null });
  });
});
