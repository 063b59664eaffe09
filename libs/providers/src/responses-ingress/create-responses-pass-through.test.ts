import { describe, expect, it } from 'vitest';
import type { ChatStreamSink } from '../provider-adapter.js';
import { createResponsesPassThrough } from './create-responses-pass-through.js';
import { createResponsesPassThroughEncoder } from './create-responses-pass-through-encoder.js';

const sse = (type: string, fields: Record<string, unknown>) =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...fields })}\n\n`;

function collect(): ChatStreamSink & { text: string } {
  return {
    text: '',
    chunk() {
      throw new Error('a native stream hands over no chunks');
    },
    passThrough(text) {
      this.text += text;
    },
    done() {},
  };
}

describe('createResponsesPassThrough', () => {
  it('hands on every event byte for byte and reads usage from response.completed', () => {
    const upstream = [
      sse('response.created', { sequence_number: 0, response: { id: 'resp_1', output: [] } }),
      sse('response.output_text.delta', { sequence_number: 1, delta: 'Hi "model":"x"' }),
      sse('response.completed', {
        sequence_number: 2,
        response: {
          id: 'resp_1',
          output: [],
          usage: {
            input_tokens: 11,
            input_tokens_details: { cached_tokens: 5 },
            output_tokens: 7,
            output_tokens_details: { reasoning_tokens: 2 },
            total_tokens: 18,
          },
        },
      }),
    ].join('');
    const passThrough = createResponsesPassThrough();
    const sink = collect();
    const bytes = Buffer.from(upstream);
    // Split anywhere, even inside an event.
    passThrough.push(bytes.subarray(0, 50), sink);
    passThrough.push(bytes.subarray(50), sink);
    passThrough.end(sink);
    expect(sink.text).toBe(upstream);
    expect(passThrough.completed).toBe(true);
    expect(passThrough.usage).toEqual({
      promptTokens: 11,
      completionTokens: 7,
      cachedTokens: 5,
      reasoningTokens: 2,
    });
    expect(passThrough.response?.id).toBe('resp_1');
  });

  it('keeps an upstream error event as the failure, for the gateway to write its own', () => {
    const passThrough = createResponsesPassThrough();
    const sink = collect();
    const created = sse('response.created', {
      sequence_number: 0,
      response: { id: 'r', output: [] },
    });
    passThrough.push(
      Buffer.from(
        created +
          sse('error', { sequence_number: 1, code: 'server_error', message: 'boom', param: null }),
      ),
      sink,
    );
    expect(sink.text).toBe(created);
    expect(passThrough.failure?.message).toContain('boom');
    expect(passThrough.completed).toBe(false);
    const encoder = createResponsesPassThroughEncoder();
    encoder.passThrough(created);
    expect(
      encoder.error({ message: 'boom', type: 'server_error', code: 'upstream_error', param: null }),
    ).toBe(
      sse('error', { sequence_number: 1, code: 'upstream_error', message: 'boom', param: null })
        .replace('"type":"error","sequence_number":1,"code"', '"type":"error","code"')
        .replace('"param":null}', '"param":null,"sequence_number":1}'),
    );
  });

  it('names the Response id once response.created went by, before it is handed on', () => {
    const passThrough = createResponsesPassThrough();
    const seen: (string | undefined)[] = [];
    const sink = collect();
    const created = sse('response.created', {
      sequence_number: 0,
      response: { id: 'resp_abc', output: [] },
    });
    expect(passThrough.responseId).toBeUndefined();
    passThrough.push(Buffer.from(created.slice(0, 20)), sink);
    expect(passThrough.responseId).toBeUndefined();
    passThrough.push(Buffer.from(created.slice(20)), {
      ...sink,
      passThrough: (text) => {
        seen.push(passThrough.responseId);
        sink.text += text;
      },
    });
    expect(seen).toEqual(['resp_abc']);
    expect(sink.text).toBe(created);
  });

  it('hands on a response.failed as sent and keeps what it reports as the reported failure', () => {
    const failed = (code: string) => [
      sse('response.created', { sequence_number: 0, response: { id: 'r', output: [] } }),
      sse('response.failed', {
        sequence_number: 1,
        response: {
          id: 'r',
          status: 'failed',
          error: { code, message: 'The model failed to generate a response.' },
          output: [],
          usage: { input_tokens: 9, output_tokens: 0, total_tokens: 9 },
        },
      }),
    ];
    for (const [code, status, kind] of [
      ['server_error', 500, 'server_error'],
      ['rate_limit_exceeded', 429, 'rate_limited'],
      ['invalid_prompt', 400, 'invalid_request'],
    ] as const) {
      const upstream = failed(code).join('');
      const passThrough = createResponsesPassThrough();
      const sink = collect();
      passThrough.push(Buffer.from(upstream), sink);
      passThrough.end(sink);
      expect(sink.text).toBe(upstream);
      expect(passThrough.failure).toBeUndefined();
      expect(passThrough.completed).toBe(true);
      expect(passThrough.usage?.promptTokens).toBe(9);
      expect(passThrough.reportedFailure).toMatchObject({
        status,
        kind,
        code,
        message: 'The model failed to generate a response.',
      });
    }
  });

  it('reports no failure for a Response that completed', () => {
    const passThrough = createResponsesPassThrough();
    const sink = collect();
    passThrough.push(
      Buffer.from(
        sse('response.completed', {
          sequence_number: 0,
          response: { id: 'r', status: 'completed', error: null, output: [] },
        }),
      ),
      sink,
    );
    expect(passThrough.completed).toBe(true);
    expect(passThrough.reportedFailure).toBeUndefined();
  });
});
