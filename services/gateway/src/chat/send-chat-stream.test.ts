import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@switchyard/config';
import { handleShutdown } from '@switchyard/service-kit';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';
import type { RequestOutcome } from '../usage/usage-recorder.js';

const MASTER_KEY = 'sk-sy-unit-shutdown';
const outcomes: RequestOutcome[] = [];
let fake: FakeOpenAI;
let gateway: GatewayApp;
let baseUrl: string;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-shutdown-')), 'config.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "\${FAKE_URL}", keys: [sk-fake] }
models:
  - { id: fake/slow-stream-200, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`,
  );
  const config = loadConfig({
    env: { LOG_LEVEL: 'silent', SWITCHYARD_CONFIG: configFile, FAKE_URL: fake.url },
  });
  gateway = buildGatewayApp(
    { ...config, masterKey: MASTER_KEY },
    { usage: { record: (outcome) => outcomes.push(outcome) } },
  );
  baseUrl = await gateway.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  vi.restoreAllMocks();
  gateway?.app.server.closeAllConnections();
  await gateway?.app.close();
  await fake?.close();
});

describe('a stream still running when the shutdown grace is over', () => {
  it('ends with a shutting_down event and is recorded as a 503 with partial usage, not a 499', async () => {
    const exited = new Promise<number | undefined>((resolve) => {
      vi.spyOn(process, 'exit').mockImplementation((code) => {
        resolve(typeof code === 'number' ? code : undefined);
        return undefined as never;
      });
    });
    const response = await fetch(`${baseUrl}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fake/slow-stream-200',
        stream: true,
        messages: [{ role: 'user', content: 'one two three four five six seven eight nine ten' }],
      }),
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    let text = (await reader.read()).value ?? '';
    expect(text).toContain('data: {');

    // The real signal handling, on a signal nothing else listens to: a grace far shorter than the
    // stream (11 events, 200 ms apart).
    handleShutdown({
      app: gateway.app,
      readiness: gateway.readiness,
      graceMs: 300,
      onGraceOver: gateway.endStreams,
      signals: ['SIGUSR2'],
    });
    process.emit('SIGUSR2', 'SIGUSR2');
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
});
