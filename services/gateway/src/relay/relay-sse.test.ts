import { PassThrough, Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createOpenAiCompatibleAdapter, ProviderError } from '@switchyard/providers';
import { ApiError } from '@switchyard/service-kit';
import { describe, expect, it } from 'vitest';
import { type RelayEnd, relaySse } from './relay-sse.js';

const transformer = () =>
  createOpenAiCompatibleAdapter().createChatStreamTransformer({
    createdAtSeconds: 0,
    upstreamModel: 'm',
    includeUsage: true,
  });

/** A client that keeps what it is written, as text. */
function collectingClient(): { client: Writable; received: () => string } {
  let text = '';
  const client = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return { client, received: () => text };
}

async function run(chunks: string[]) {
  const ends: RelayEnd[] = [];
  let firstBytes = 0;
  let output = '';
  const { client, received } = collectingClient();
  relaySse({
    body: Readable.from(chunks.map((chunk) => Buffer.from(chunk))),
    transformer: transformer(),
    clientClosed: () => false,
    toClientError: (error) =>
      new ApiError(
        502,
        'upstream_error',
        error instanceof ProviderError ? (error.code ?? 'x') : 'transport',
        String(error),
      ),
    onFirstByte: () => {
      firstBytes += 1;
    },
    onOutput: (text) => {
      output += text;
    },
    onEnd: (end) => ends.push(end),
  }).pipeTo(client);
  await finished(client);
  return { out: received(), output, end: ends[0], ends: ends.length, firstBytes };
}

/** Relays `body` to `client`, nothing else observed. */
function relayQuietly(body: Readable, client: Writable): void {
  relaySse({
    body,
    transformer: transformer(),
    clientClosed: () => false,
    toClientError: () => new ApiError(502, 'upstream_error', 'x', 'x'),
    onFirstByte: () => undefined,
    onEnd: () => undefined,
  }).pipeTo(client);
}

describe('relaySse', () => {
  it('passes a complete stream through and ends cleanly once', async () => {
    const { out, output, end, ends, firstBytes } = await run([
      'data: {"choices":[]}\n\n',
      'data: [DONE]\n\n',
    ]);
    expect(out).toBe('data: {"choices":[]}\n\ndata: [DONE]\n\n');
    expect(output).toBe(out);
    expect(end).toEqual({ error: undefined, clientClosed: false });
    expect([ends, firstBytes]).toEqual([1, 1]);
  });

  it('ends a stream the upstream closed without [DONE] with an error event', async () => {
    const { out, output, end } = await run(['data: {"choices":[]}\n\n']);
    expect(out).toMatch(/data: \{"error":\{.*"code":"incomplete_stream"/);
    expect(output).toBe('data: {"choices":[]}\n\n');
    expect(end?.error?.status).toBe(502);
  });

  it('replaces an upstream error event by the gateway’s own and stops reading', async () => {
    const { out, end } = await run([
      'data: {"choices":[]}\n\ndata: {"error":{"message":"boom","type":"server_error"}}\n\n',
      'data: {"choices":[{"delta":{"content":"late"}}]}\n\n',
    ]);
    expect(out).not.toContain('late');
    expect(out).not.toContain('"boom"');
    expect(out.match(/"error"/g)).toHaveLength(1);
    expect(end?.error).toBeDefined();
  });

  it('pauses the upstream while the client drains and loses nothing', async () => {
    const events = Array.from(
      { length: 200 },
      (_, index) => `data: {"choices":[{"index":0,"delta":{"content":"${index}"}}]}\n\n`,
    );
    const body = new PassThrough();
    let received = '';
    let pausedSeen = false;
    const client = new Writable({
      highWaterMark: 64,
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.toString();
        pausedSeen ||= body.isPaused();
        setImmediate(callback);
      },
    });
    const ends: RelayEnd[] = [];
    relaySse({
      body,
      transformer: transformer(),
      clientClosed: () => false,
      toClientError: () => new ApiError(502, 'upstream_error', 'x', 'x'),
      onFirstByte: () => undefined,
      onEnd: (end) => ends.push(end),
    }).pipeTo(client);
    for (const event of events) body.write(event);
    body.end('data: [DONE]\n\n');
    await finished(client);
    expect(pausedSeen).toBe(true);
    expect(received).toBe(`${events.join('')}data: [DONE]\n\n`);
    expect(ends).toEqual([{ error: undefined, clientClosed: false }]);
  });

  it('stops the upstream when the client leaves, and reports it once', async () => {
    const body = new PassThrough();
    let closed = false;
    const client = new Writable({ write: (_chunk, _encoding, callback) => callback() });
    const ends: RelayEnd[] = [];
    relaySse({
      body,
      transformer: transformer(),
      clientClosed: () => closed,
      toClientError: () => new ApiError(502, 'upstream_error', 'x', 'x'),
      onFirstByte: () => undefined,
      onEnd: (end) => ends.push(end),
    }).pipeTo(client);
    body.write('data: {"choices":[]}\n\n');
    closed = true;
    client.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    // An abort error the upstream raises afterwards is absorbed, not thrown.
    body.destroy(new Error('aborted'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(body.destroyed).toBe(true);
    expect(ends).toEqual([{ error: undefined, clientClosed: true }]);
  });

  it('ends with an error event when the upstream connection breaks mid-stream', async () => {
    const body = new PassThrough();
    const { client, received } = collectingClient();
    const ends: RelayEnd[] = [];
    relaySse({
      body,
      transformer: transformer(),
      clientClosed: () => false,
      toClientError: () => new ApiError(502, 'upstream_error', 'connection_lost', 'lost'),
      onFirstByte: () => undefined,
      onEnd: (end) => ends.push(end),
    }).pipeTo(client);
    body.write('data: {"choices":[]}\n\n');
    body.destroy(new Error('socket hang up'));
    await finished(client);
    expect(received()).toMatch(/^data: \{"choices":\[\]\}\n\ndata: \{"error":\{"message":"lost"/);
    expect(ends).toHaveLength(1);
    expect(ends[0]?.error?.code).toBe('connection_lost');
  });

  it('sends a complete stream’s last events with the response’s end, in one write', async () => {
    const body = new PassThrough();
    const writes: string[][] = [];
    const client = new Writable({
      writev(chunks, callback) {
        writes.push(chunks.map(({ chunk }) => String(chunk)));
        callback();
      },
    });
    relayQuietly(body, client);
    body.write('data: {"choices":[]}\n\n');
    await new Promise((resolve) => setImmediate(resolve));
    body.write('data: {"choices":[],"usage":null}\n\ndata: [DONE]\n\n');
    await new Promise((resolve) => process.nextTick(resolve));
    // Relayed but held: a response's end would leave in the same write.
    expect(writes).toHaveLength(1);
    body.end();
    await finished(client);
    expect(writes).toEqual([
      ['data: {"choices":[]}\n\n'],
      ['data: {"choices":[],"usage":null}\n\ndata: [DONE]\n\n'],
    ]);
  });

  it('does not hold a complete stream’s events when the upstream is slow to end', async () => {
    const body = new PassThrough();
    const { client, received } = collectingClient();
    relayQuietly(body, client);
    body.write('data: {"choices":[]}\n\ndata: [DONE]\n\n');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(received()).toBe('data: {"choices":[]}\n\ndata: [DONE]\n\n');
    expect(client.writableEnded).toBe(false);
    body.end();
    await finished(client);
  });
});
