import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@switchyard/config';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';
import type { RequestOutcome } from '../usage/usage-recorder.js';

const MASTER_KEY = 'sk-sy-unit-keepalive';
const outcomes: RequestOutcome[] = [];
/** Which requests the upstream drops: those on a used connection, all after the first, or all. */
let drop: { after: 'reused' | 'first' | 'none'; how: 'close' | 'reset' } = {
  after: 'reused',
  how: 'close',
};
/** Requests that reached the upstream, with whether their connection had carried one before. */
const seen: Array<{ reused: boolean; dropped: boolean }> = [];
let upstream: Server;
let gateway: GatewayApp;
let baseUrl: string;

const completion = JSON.stringify({
  id: 'chatcmpl-keepalive',
  object: 'chat.completion',
  created: 1,
  model: 'chat',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hello' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
});

beforeAll(async () => {
  // An upstream that drops requests (closes or resets the socket, before any byte of an answer)
  // as `drop` says, and otherwise answers 200 with keep-alive.
  const served = new WeakMap<Socket, number>();
  upstream = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
    request.resume();
    request.once('end', () => {
      const socket = request.socket;
      const before = served.get(socket) ?? 0;
      served.set(socket, before + 1);
      const dropped =
        drop.after === 'none' || (drop.after === 'reused' ? before > 0 : seen.length > 0);
      seen.push({ reused: before > 0, dropped });
      if (!dropped) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(completion);
      } else if (drop.how === 'reset') socket.resetAndDestroy();
      else socket.destroy();
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-keepalive-')), 'config.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: flaky, type: openai-compatible, base_url: "http://127.0.0.1:${port}/v1", keys: [sk-flaky] }
models:
  - { id: flaky/chat, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`,
  );
  const config = loadConfig({ env: { LOG_LEVEL: 'silent', SWITCHYARD_CONFIG: configFile } });
  gateway = buildGatewayApp(
    { ...config, masterKey: MASTER_KEY },
    { usage: { record: (outcome) => outcomes.push(outcome) }, random: () => 0 },
  );
  baseUrl = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  gateway?.app.server.closeAllConnections();
  await gateway?.app.close();
  upstream?.closeAllConnections();
  await new Promise((resolve) => upstream?.close(resolve));
});
beforeEach(() => {
  outcomes.length = 0;
  seen.length = 0;
  // Each test starts with no pooled connection to the upstream.
  upstream.closeAllConnections();
});

const chat = () =>
  fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'flaky/chat', messages: [{ role: 'user', content: 'hi' }] }),
  });

describe('a single route whose reused keep-alive connection is dropped before the answer', () => {
  it.each(['close', 'reset'] as const)(
    'is tried once more on a fresh connection and answers 200 (upstream %ss the socket)',
    async (how) => {
      drop = { after: 'reused', how };
      const warm = await chat();
      expect(warm.status).toBe(200);
      await warm.text();

      const response = await chat();
      expect(response.status).toBe(200);
      expect(((await response.json()) as { choices: unknown[] }).choices).toHaveLength(1);
      expect(response.headers.get('x-switchyard-attempts')).toBe('2');
      // The dropped request came on the kept-alive connection; its retry on a new one.
      expect(seen).toEqual([
        { reused: false, dropped: false },
        { reused: true, dropped: true },
        { reused: false, dropped: false },
      ]);
      expect(outcomes.at(-1)).toMatchObject({ status: 200, attempts: 2, fallbackUsed: false });
    },
  );

  it('is a 502 when the fresh connection is dropped too: one retry, no more', async () => {
    drop = { after: 'first', how: 'close' };
    const warm = await chat();
    expect(warm.status).toBe(200);
    await warm.text();

    const response = await chat();
    expect(response.status).toBe(502);
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(seen).toEqual([
      { reused: false, dropped: false },
      { reused: true, dropped: true },
      { reused: false, dropped: true },
    ]);
    expect(outcomes.at(-1)).toMatchObject({ status: 502, attempts: 2 });
  });

  it('is not retried on a fresh connection when that connection was new: the upstream failed', async () => {
    drop = { after: 'none', how: 'reset' };
    const response = await chat();
    expect(response.status).toBe(502);
    expect(response.headers.get('x-switchyard-attempts')).toBe('1');
    expect(seen).toEqual([{ reused: false, dropped: true }]);
  });
});
