import { PassThrough } from 'node:stream';
import { createAnthropicAdapter, type NativeStreamDecoder } from '@switchyard/providers';
import { ApiError } from '@switchyard/service-kit';
import { describe, expect, it } from 'vitest';
import { pipeSse } from './pipe-sse.js';
import type { RelayEnd } from './relay-sse.js';

const START =
  'event: message_start\ndata: {"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":5,"output_tokens":1}}}\n\n';
const DELTA =
  'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"hi"}}\n\n';
const END =
  'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":7}}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n';

function relay(options: { clientClosed?: () => boolean; decoder?: NativeStreamDecoder } = {}) {
  const body = new PassThrough();
  const tap = createAnthropicAdapter().nativeMessages?.createUsageTap();
  if (tap === undefined) throw new Error('no tap');
  let end: RelayEnd | undefined;
  let firstByte = 0;
  const out = new PassThrough();
  pipeSse({
    body,
    tap,
    decoder: options.decoder,
    clientClosed: options.clientClosed ?? (() => false),
    toClientError: (error) =>
      new ApiError(502, 'upstream_error', 'upstream_error', String((error as Error).message)),
    errorEvent: (error) => `event: error\ndata: ${error.message}\n\n`,
    onFirstByte: () => {
      firstByte += 1;
    },
    onEnd: (ended) => {
      end = ended;
    },
  }).pipeTo(out);
  let text = '';
  out.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const finished = new Promise<void>((resolve) => out.on('close', resolve));
  return { body, tap, out, finished, text: () => text, end: () => end, firstByte: () => firstByte };
}

describe('pipeSse', () => {
  it('relays what the decoder makes of the bytes, nothing for chunks it holds', async () => {
    // A decoder that only lets whole lines of base64 through, each one SSE text.
    let held = '';
    const decoder: NativeStreamDecoder = {
      push(chunk) {
        held += Buffer.from(chunk).toString();
        const lines = held.split('\n');
        held = lines.pop() ?? '';
        return lines.map((line) => Buffer.from(line, 'base64').toString()).join('');
      },
    };
    const run = relay({ decoder });
    const encoded = [START, DELTA, END].map((event) => Buffer.from(event).toString('base64'));
    run.body.write(encoded[0]?.slice(0, 10));
    expect(run.firstByte()).toBe(0);
    run.body.write(`${encoded[0]?.slice(10)}\n${encoded[1]}\n`);
    run.body.end(`${encoded[2]}\n`);
    await run.finished;
    expect(run.text()).toBe(START + DELTA + END);
    expect(run.firstByte()).toBe(1);
    expect(run.end()).toEqual({ error: undefined, clientClosed: false });
    expect(run.tap.usage).toMatchObject({ promptTokens: 5, completionTokens: 7 });
  });

  it('relays the bytes unchanged and reads usage on the way', async () => {
    const run = relay();
    run.body.write(START.slice(0, 30));
    run.body.write(START.slice(30) + DELTA);
    run.body.end(END);
    await run.finished;
    expect(run.text()).toBe(START + DELTA + END);
    expect(run.firstByte()).toBe(1);
    expect(run.end()).toEqual({ error: undefined, clientClosed: false });
    expect(run.tap.usage).toMatchObject({ promptTokens: 5, completionTokens: 7 });
  });

  it('ends a stream without message_stop with the protocol’s error event', async () => {
    const run = relay();
    run.body.end(START + DELTA);
    await run.finished;
    expect(run.text()).toBe(
      `${START}${DELTA}event: error\ndata: The provider ended the stream before it was complete.\n\n`,
    );
    expect(run.end()?.error?.status).toBe(502);
  });

  it('passes an upstream error event on as sent and ends there', async () => {
    const run = relay();
    const error =
      'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
    run.body.write(START + error);
    await run.finished;
    expect(run.text()).toBe(START + error);
    expect(run.end()?.error).toBeDefined();
    expect(run.body.destroyed).toBe(true);
  });

  it('destroys the upstream body when the client leaves', async () => {
    const run = relay({ clientClosed: () => true });
    run.body.write(START);
    await new Promise((resolve) => setImmediate(resolve));
    run.out.destroy();
    await run.finished;
    expect(run.body.destroyed).toBe(true);
    expect(run.end()).toEqual({ error: undefined, clientClosed: true });
  });

  it('fails the stream, not the process, when the decoder throws', async () => {
    const decoder: NativeStreamDecoder = {
      push() {
        throw new Error('bad frame');
      },
    };
    const run = relay({ decoder });
    run.body.write('anything');
    await run.finished;
    expect(run.text()).toBe('event: error\ndata: bad frame\n\n');
    expect(run.end()?.error?.status).toBe(502);
    expect(run.body.destroyed).toBe(true);
  });

  it('pauses the upstream while the client is slow and resumes on drain', async () => {
    const body = new PassThrough();
    const tap = createAnthropicAdapter().nativeMessages?.createUsageTap();
    if (tap === undefined) throw new Error('no tap');
    const out = new PassThrough({ highWaterMark: 16 });
    pipeSse({
      body,
      tap,
      clientClosed: () => false,
      toClientError: (error) =>
        new ApiError(502, 'upstream_error', 'upstream_error', String(error)),
      errorEvent: () => '',
      onFirstByte: () => {},
      onEnd: () => {},
    }).pipeTo(out);
    body.write(START);
    await new Promise((resolve) => setImmediate(resolve));
    expect(body.isPaused()).toBe(true);
    out.resume();
    await new Promise((resolve) => setImmediate(resolve));
    expect(body.isPaused()).toBe(false);
  });

  it('holds a finished stream’s last events for its end, not past the next turn', async () => {
    const run = relay();
    run.body.write(START + DELTA);
    await new Promise((resolve) => setImmediate(resolve));
    expect(run.text()).toBe(START + DELTA);
    run.body.write(END);
    await new Promise((resolve) => process.nextTick(resolve));
    // Finished upstream (message_stop): held so that it leaves with the response's end…
    expect(run.text()).toBe(START + DELTA);
    // …but the upstream is slow to end, so it goes on the loop's next turn all the same.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(run.text()).toBe(START + DELTA + END);
    run.body.end();
    await run.finished;
    expect(run.end()).toEqual({ error: undefined, clientClosed: false });
  });
});
