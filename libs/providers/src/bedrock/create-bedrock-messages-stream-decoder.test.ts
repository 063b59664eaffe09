import { describe, expect, it } from 'vitest';
import { createAnthropicUsageTap } from '../anthropic/create-anthropic-usage-tap.js';
import { createBedrockMessagesStreamDecoder } from './create-bedrock-messages-stream-decoder.js';
import {
  encodeBedrockEvents,
  encodeBedrockException,
} from './encode-bedrock-events.test-helpers.js';

/** Anthropic stream events as `invoke-with-response-stream` frames: `chunk` with base64 bytes. */
const chunks = (events: readonly unknown[]): Uint8Array =>
  encodeBedrockEvents(
    events.map((event) => ({
      type: 'chunk',
      payload: { bytes: Buffer.from(JSON.stringify(event)).toString('base64') },
    })),
  );

const EVENTS = [
  {
    type: 'message_start',
    message: {
      id: 'msg_bdrk_01',
      type: 'message',
      role: 'assistant',
      content: [],
      usage: {
        input_tokens: 12,
        cache_creation_input_tokens: 2048,
        cache_read_input_tokens: 0,
        output_tokens: 1,
      },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: 'Hmm é' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'c2ln' } },
  { type: 'content_block_stop', index: 0 },
  { type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 7 } },
  {
    type: 'message_stop',
    'amazon-bedrock-invocationMetrics': { inputTokenCount: 12, outputTokenCount: 7 },
  },
];

const sse = (events: readonly unknown[]): string =>
  events
    .map(
      (event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`,
    )
    .join('');

describe('createBedrockMessagesStreamDecoder', () => {
  it("re-emits each chunk's event as Anthropic SSE, whatever the chunking, for Anthropic's tap", () => {
    const bytes = chunks(EVENTS);
    const decoder = createBedrockMessagesStreamDecoder();
    let out = '';
    // Seven bytes at a time: frames split anywhere, a UTF-8 character split too.
    for (let i = 0; i < bytes.length; i += 7) out += decoder.push(bytes.subarray(i, i + 7));
    expect(out).toBe(sse(EVENTS));
    const tap = createAnthropicUsageTap();
    tap.push(Buffer.from(out));
    tap.end();
    expect(tap.completed).toBe(true);
    expect(tap.usage).toMatchObject({ promptTokens: 2060, completionTokens: 7 });
  });

  it('skips frame types it does not know', () => {
    const decoder = createBedrockMessagesStreamDecoder();
    const other = encodeBedrockEvents([{ type: 'somethingNew', payload: { a: 1 } }]);
    expect(decoder.push(other)).toBe('');
    expect(decoder.push(chunks([EVENTS[6]]))).toBe(sse([EVENTS[6]]));
  });

  it('turns an exception frame into an error event the tap fails on, secrets redacted', () => {
    const decoder = createBedrockMessagesStreamDecoder();
    const first = decoder.push(chunks(EVENTS.slice(0, 3)));
    const out = decoder.push(
      encodeBedrockException('throttlingException', 'Slow down, AKIAABCDEFGHIJKLMNOP'),
    );
    expect(out).toBe(
      `event: error\ndata: ${JSON.stringify({
        type: 'error',
        error: { type: 'rate_limit_error', message: 'Slow down, [redacted]' },
      })}\n\n`,
    );
    expect(decoder.push(chunks(EVENTS.slice(3)))).toBe('');
    const tap = createAnthropicUsageTap();
    tap.push(Buffer.from(first + out));
    expect(tap.failure).toMatchObject({ kind: 'rate_limited', status: 429 });
  });

  it('refuses a corrupt frame and a chunk that is not an event', () => {
    const corrupt = chunks([EVENTS[0]]);
    corrupt[corrupt.length - 1] = (corrupt[corrupt.length - 1] ?? 0) ^ 0xff;
    expect(createBedrockMessagesStreamDecoder().push(corrupt)).toMatch(
      /^event: error\ndata: .*"type":"api_error".*malformed event-stream frame/,
    );
    const notEvent = encodeBedrockEvents([{ type: 'chunk', payload: { bytes: 'bm90IGpzb24=' } }]);
    expect(createBedrockMessagesStreamDecoder().push(notEvent)).toMatch(/malformed stream event/);
    expect(createBedrockMessagesStreamDecoder().push(new Uint8Array(16))).toMatch(
      /malformed event stream/,
    );
  });
});
