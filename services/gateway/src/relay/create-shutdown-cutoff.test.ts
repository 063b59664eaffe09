import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@switchyard/config';
import { handleShutdown } from '@switchyard/service-kit';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';
import type { RequestOutcome } from '../usage/usage-recorder.js';
import { createShutdownCutoff } from './create-shutdown-cutoff.js';

const MASTER_KEY = 'sk-sy-unit-shutdown';
const outcomes: RequestOutcome[] = [];
let fake: FakeOpenAI;
let configFile: string;
let gateway: GatewayApp;
let baseUrl: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-shutdown-')), 'config.yaml');
  const price = 'pricing: { prompt: "0.000001", completion: "0.000002" }';
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "\${FAKE_URL}", keys: [sk-fake] }
models:
  - { id: fake/slow-stream-200, context_length: 8192, ${price} }
  - { id: fake/slow-5000, context_length: 8192, ${price} }
`,
  );
});
afterAll(async () => {
  await fake?.close();
});
afterEach(async () => {
  vi.restoreAllMocks();
  gateway?.app.server.closeAllConnections();
  await gateway?.app.close();
  outcomes.length = 0;
});

async function startGateway(): Promise<void> {
  fake.reset();
  const config = loadConfig({
    env: { LOG_LEVEL: 'silent', SWITCHYARD_CONFIG: configFile, FAKE_URL: fake.url },
  });
  gateway = buildGatewayApp(
    { ...config, masterKey: MASTER_KEY },
    { usage: { record: (outcome) => outcomes.push(outcome) } },
  );
  baseUrl = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
}

/**
 * The real signal handling, on a signal nothing else listens to, with a grace far shorter than
 * the requests in flight; resolves with the exit code once the gateway has shut down.
 */
function shutDown(): Promise<number | undefined> {
  const exited = new Promise<number | undefined>((resolve) => {
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      resolve(typeof code === 'number' ? code : undefined);
      return undefined as never;
    });
  });
  handleShutdown({
    app: gateway.app,
    readiness: gateway.readiness,
    graceMs: 300,
    onGraceOver: gateway.endInFlight,
    signals: ['SIGUSR2'],
  });
  process.emit('SIGUSR2', 'SIGUSR2');
  return exited;
}

const chat = (body: Record<string, unknown>) =>
  fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

// A real gateway and its shutdown each time: seconds, not milliseconds, on a loaded machine.
describe('requests still running when the shutdown grace is over', { timeout: 20_000 }, () => {
  it('a stream ends with a shutting_down event, recorded as a 503 with partial usage, not a 499', async () => {
    await startGateway();
    const response = await chat({
      model: 'fake/slow-stream-200',
      stream: true,
      messages: [{ role: 'user', content: 'one two three four five six seven eight nine ten' }],
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    let text = (await reader.read()).value ?? '';
    expect(text).toContain('data: {');

    // 11 events 200 ms apart: far longer than the grace.
    const exited = shutDown();
    try {
      for (let part = await reader.read(); !part.done; part = await reader.read())
        text += part.value;
    } catch {
      // A connection cut without a last event: the assertions below say what was missing.
    }
    expect(await exited).toBe(0);

    // The client was told why its stream ended, and got no [DONE].
    const events = text.split('\n\n').filter((event) => event.startsWith('data: '));
    expect(events.at(-1)).toContain('"code":"shutting_down"');
    expect(text).not.toContain('[DONE]');
    expect(outcomes).toHaveLength(1);
    const outcome = outcomes[0];
    expect(outcome).toMatchObject({
      status: 503,
      errorCode: 'shutting_down',
      usageSource: 'partial',
      stream: true,
    });
    // Billed for what the client had received: more than nothing, less than the whole echo.
    expect(outcome?.usage?.completionTokens).toBeGreaterThan(0);
    expect(outcome?.usage?.completionTokens).toBeLessThan(10);
    expect(Number(outcome?.cost)).toBeGreaterThan(0);
  });

  it('a request still waiting for its upstream is recorded as a 503 shutting_down, not a 499', async () => {
    await startGateway();
    const answered = chat({
      model: 'fake/slow-5000',
      messages: [{ role: 'user', content: 'hi' }],
    }).then(
      (response) => response.status,
      () => 'cut' as const,
    );
    await expect.poll(() => fake.requests.length).toBeGreaterThan(0);

    expect(await shutDown()).toBe(0);
    // Its connection is closed: there was no answer to give it.
    expect(await answered).toBe('cut');
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      status: 503,
      errorCode: 'shutting_down',
      usageSource: 'none',
      stream: false,
    });
  });
});

// What the idle heap trim asks before it pauses the process: a count that never drops back to
// zero would stop every trim, one that drops too early would pause streams.
describe('GatewayApp.serving', { timeout: 20_000 }, () => {
  const until = async (done: () => boolean) => {
    for (let waited = 0; !done() && waited < 5_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
  };
  /** A stream of 200 ms apart events, its first event read. */
  const startSlowStream = async (signal?: AbortSignal) => {
    const response = await fetch(`${baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fake/slow-stream-200',
        stream: true,
        messages: [{ role: 'user', content: 'one two three' }],
      }),
      ...(signal && { signal }),
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    return reader;
  };

  it('is true while a stream runs and false once it ended, or once its client left', async () => {
    await startGateway();
    expect(gateway.serving()).toBe(false);

    const reader = await startSlowStream();
    expect(gateway.serving()).toBe(true);
    while (!(await reader.read()).done);
    await until(() => outcomes.length === 1);
    expect(gateway.serving()).toBe(false);

    const leaving = new AbortController();
    await startSlowStream(leaving.signal);
    expect(gateway.serving()).toBe(true);
    leaving.abort();
    await until(() => outcomes.length === 2);
    expect(outcomes[1]?.status).toBe(499);
    expect(gateway.serving()).toBe(false);
  });
});

describe('createShutdownCutoff', () => {
  it('tells the listeners registered at the cut once, in order, and those registering later at once', () => {
    const cutoff = createShutdownCutoff();
    const told: string[] = [];
    const stops = ['a', 'b', 'c', 'd'].map((name) => cutoff.onCut(() => told.push(name)));
    stops[0]?.();
    stops[2]?.();
    stops[2]?.();
    cutoff.cut();
    cutoff.cut();
    stops[1]?.();
    expect(told).toEqual(['b', 'd']);
    cutoff.onCut(() => told.push('late'));
    expect(told).toEqual(['b', 'd', 'late']);
  });

  it('counts the listeners registered, each once however often it unregisters', () => {
    const cutoff = createShutdownCutoff();
    const stops = [1, 2, 3].map(() => cutoff.onCut(() => undefined));
    expect(cutoff.registered()).toBe(3);
    stops[1]?.();
    stops[1]?.();
    expect(cutoff.registered()).toBe(2);
    cutoff.cut();
    stops[0]?.();
    expect(cutoff.registered()).toBe(0);
  });
});
