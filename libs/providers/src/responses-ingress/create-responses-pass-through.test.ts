import { responsesUsageSchema } from '@switchyard/contracts';
import { randomJson, seededRandom } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import type { ChatStreamSink } from '../provider-adapter.js';
import { parseSseEvents } from '../shared/parse-sse-events.js';
import { convertResponsesUsage } from './convert-responses-usage.js';
import { createResponsesPassThrough } from './create-responses-pass-through.js';
import { createResponsesPassThroughEncoder } from './create-responses-pass-through-encoder.js';
import { responsesFailureOf } from './responses-failure-of.js';

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
    expect(passThrough.responseId).toBe('resp_1');
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

  it('reads what parsing each whole event would, from echoed Responses in any member order, split anywhere', () => {
    const next = seededRandom(5);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
    const shuffled = (entries: [string, unknown][]) =>
      Object.fromEntries(entries.sort(() => next() - 0.5));
    for (let run = 0; run < 400; run++) {
      // What OpenAI repeats of the request, with members named like those read, nested.
      const echo = (): [string, unknown][] => [
        ['instructions', `Say "usage": {"id": 1} \\ ${JSON.stringify(randomJson(next))}`],
        ['tools', [{ type: 'function', name: 'f', parameters: { usage: randomJson(next) } }]],
        ['metadata', { id: 'not-this', status: 'failed', usage: { input_tokens: 1 } }],
        ['output', [randomJson(next)]],
      ];
      const usage = pick([
        { input_tokens: run, output_tokens: 3, input_tokens_details: { cached_tokens: 1 } },
        { input_tokens: run, output_tokens: 2, output_tokens_details: { reasoning_tokens: 1 } },
        null,
        { input_tokens: 'many' },
      ]);
      const status = pick(['completed', 'failed', 'incomplete']);
      const error = status === 'failed' ? { code: 'server_error', message: 'Broke.' } : null;
      const ending = `response.${status}`;
      const event = (type: string, response: [string, unknown][]) =>
        `event: ${type}\ndata: ${JSON.stringify(
          shuffled([
            ['type', type],
            ['sequence_number', run],
            ['response', shuffled(response)],
          ]),
        )}\n\n`;
      const id = pick(['resp_1', 'resp_\\"quoted\\"', 7]);
      const events = [
        event('response.created', [['id', id], ['status', 'in_progress'], ...echo()]),
        event('response.in_progress', [['id', id], ['status', 'in_progress'], ...echo()]),
        sse('response.output_text.delta', { sequence_number: 2, delta: '"type":"error"' }),
        event(ending, [
          ['id', id],
          ['status', status],
          ['error', error],
          ['usage', usage],
          ...echo(),
        ]),
      ];
      const lineEnd = pick(['\n', '\r\n']);
      const upstream = events.join('').replaceAll('\n', lineEnd);
      const passThrough = createResponsesPassThrough();
      const sink = collect();
      const bytes = Buffer.from(upstream);
      const size = pick([1, 7, 100, 4096, bytes.length]);
      for (let at = 0; at < bytes.length; at += size) {
        passThrough.push(bytes.subarray(at, at + size), sink);
      }
      passThrough.end(sink);

      // What the whole events say, parsed.
      const last = JSON.parse(events[3]?.split('data: ')[1] ?? '') as {
        response: Record<string, unknown>;
      };
      const reported = responsesUsageSchema.safeParse(last.response.usage);
      expect(sink.text).toBe(upstream.replaceAll('\r\n', '\n'));
      expect(passThrough.failure).toBeUndefined();
      expect(passThrough.responseId).toBe(typeof id === 'string' ? id : undefined);
      expect(passThrough.completed).toBe(typeof id === 'string');
      if (typeof id !== 'string') continue;
      expect(passThrough.usage).toEqual(
        reported.success ? convertResponsesUsage(reported.data) : undefined,
      );
      expect(passThrough.reportedFailure?.message).toBe(responsesFailureOf(last.response)?.message);
    }
  });

  it("names the served model in each Response's `model`, and touches nothing else", () => {
    const served = 'team/codex "$&"';
    const echo = {
      instructions: 'Reply with {"model": "gpt-5"} when asked.',
      tools: [
        { type: 'function', name: 'f', parameters: { model: 'gpt-5', default: { model: 'x' } } },
      ],
    };
    const upstream = [
      sse('response.created', {
        sequence_number: 0,
        response: { id: 'r', ...echo, model: 'gpt-5', output: [] },
      }),
      sse('response.output_text.delta', { sequence_number: 1, delta: '"model":"gpt-5"' }),
      sse('response.output_item.done', { sequence_number: 2, item: { model: 'gpt-5' } }),
      sse('response.completed', {
        sequence_number: 3,
        response: { id: 'r', ...echo, model: 'gpt-5' },
      }),
    ];
    const passThrough = createResponsesPassThrough({ servedModel: served });
    const sink = collect();
    const bytes = Buffer.from(upstream.join(''));
    for (let at = 0; at < bytes.length; at += 37)
      passThrough.push(bytes.subarray(at, at + 37), sink);
    passThrough.end(sink);
    // Only the Response's own member: split around it, not searched for (`$&` stays as written).
    const renamed = (event: string | undefined, after: string) => {
      const [head, tail] = (event ?? '').split(`"model":"gpt-5"${after}`);
      return `${head}"model":${JSON.stringify(served)}${after}${tail}`;
    };
    expect(sink.text).toBe(
      [
        renamed(upstream[0], ',"output"'),
        upstream[1],
        upstream[2],
        renamed(upstream[3], '}}'),
      ].join(''),
    );
    expect(passThrough.completed).toBe(true);
  });

  it('names the served model however the events are written, as parsing each would', () => {
    const next = seededRandom(11);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
    const shuffled = (entries: [string, unknown][]) =>
      Object.fromEntries(entries.sort(() => next() - 0.5));
    const served = pick(['openai/gpt-5', 'a\\"b', 'ünï $1']);
    for (let run = 0; run < 300; run++) {
      const response = (): Record<string, unknown> =>
        shuffled([
          ['id', 'resp_1'],
          ['instructions', `Say {"model": "m"} ${JSON.stringify(randomJson(next))}`],
          ['tools', [{ type: 'function', parameters: { model: 'm', x: randomJson(next) } }]],
          ...(next() < 0.8
            ? ([['model', pick(['gpt-5', 'gpt-\\"5', ''])]] as [string, unknown][])
            : []),
          ...(next() < 0.1 ? ([['model', 7]] as [string, unknown][]) : []),
        ]);
      // `data:` with or without its space, on one line or pretty-printed over several, with
      // other lines (`id:`, `retry:`, a comment) before or after it.
      const write = (type: string, data: Record<string, unknown>) => {
        const value = shuffled([['type', type], ...Object.entries(data)]);
        const lines =
          next() < 0.5
            ? `${pick(['data: ', 'data:'])}${JSON.stringify(value)}`
            : `data: ${JSON.stringify(value, null, pick([1, 2])).replaceAll('\n', '\ndata: ')}`;
        const before = pick(['', 'id: 4\n', ': keep-alive\n']);
        const after = pick(['', '\nid: 5', '\n: note', '\nretry: 10']);
        return `${before}event: ${type}\n${lines}${after}\n\n`;
      };
      const events = [
        write('response.created', { sequence_number: 0, response: response() }),
        write('response.in_progress', { sequence_number: 1, response: response() }),
        write('response.output_text.delta', { sequence_number: 2, delta: '{"model":"m"}' }),
        write(pick(['response.completed', 'response.failed', 'response.incomplete']), {
          sequence_number: 3,
          response: response(),
        }),
      ];
      const passThrough = createResponsesPassThrough({ servedModel: served });
      const sink = collect();
      const bytes = Buffer.from(events.join(''));
      const size = pick([1, 13, 500, bytes.length]);
      for (let at = 0; at < bytes.length; at += size) {
        passThrough.push(bytes.subarray(at, at + size), sink);
      }
      passThrough.end(sink);

      const sent = sink.text.split('\n\n').filter((event) => event !== '');
      expect(sent).toHaveLength(events.length);
      const otherLines = (event: string) =>
        event.split('\n').filter((line) => line !== 'data' && !line.startsWith('data:'));
      for (const [index, event] of events.entries()) {
        const [read] = parseSseEvents(event);
        const expected = JSON.parse(read?.data ?? '') as Record<string, unknown>;
        const carried = expected.response as Record<string, unknown> | undefined;
        const renamed = typeof carried?.model === 'string';
        if (carried !== undefined && renamed) carried.model = served;
        const [got] = parseSseEvents(sent[index] ?? '');
        expect(JSON.parse(got?.data ?? '')).toEqual(expected);
        expect(got?.event).toBe(read?.event);
        // Its other lines where they were; an event not renamed, byte for byte.
        expect(otherLines(sent[index] ?? '')).toEqual(otherLines(event.slice(0, -2)));
        if (!renamed) expect(`${sent[index]}\n\n`).toBe(event);
      }
    }
  });

  it('hands on the events before an error event, not the error event', () => {
    const before =
      sse('response.created', { sequence_number: 0, response: { id: 'r', output: [] } }) +
      sse('response.output_text.delta', { sequence_number: 1, delta: 'Hi' });
    const passThrough = createResponsesPassThrough();
    const sink = collect();
    passThrough.push(
      Buffer.from(
        `${before}event: error\ndata: {"sequence_number":2,"message":"boom","type":"error"}\n\n${sse('response.output_text.delta', { sequence_number: 3, delta: 'more' })}`,
      ),
      sink,
    );
    passThrough.end(sink);
    expect(sink.text).toBe(before);
    expect(passThrough.failure?.message).toContain('boom');
    const encoder = createResponsesPassThroughEncoder();
    encoder.passThrough(before);
    // A keep-alive comment in between (as proxies send) carries no number: the error follows 1.
    encoder.passThrough(': keep-alive\n\n');
    expect(
      encoder.error({ message: 'x', type: 'server_error', code: null, param: null }),
    ).toContain('"sequence_number":2');
  });
});
