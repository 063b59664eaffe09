import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createFreshPostgresDatabase,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeOpenAI,
  useNats,
  usePostgres,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReceivedSpan, startOtlpReceiver } from './support/start-otlp-receiver.js';
import { type RunningService, startService } from './support/start-service.js';

// One trace across processes: the caller's request into the gateway, the upstream call, the
// usage event over NATS, and accounting's write of it to Postgres.
const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
let fake: FakeOpenAI;
let fresh: FreshPostgresDatabase;
let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let accounting: RunningService;
let gateway: RunningService;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  receiver = await startOtlpReceiver();
  const shared = {
    DATABASE_URL: fresh.url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  const configFile = join(
    await mkdtemp(join(tmpdir(), 'switchyard-e2e-trace-')),
    'switchyard.yaml',
  );
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "${fake.url}", keys: [sk-fake] }
models:
  - { id: fake/chat, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`,
  );
  accounting = await startService('accounting', shared);
  gateway = await startService('gateway', { ...shared, SWITCHYARD_CONFIG: configFile });
}, 90_000);

afterAll(async () => {
  await Promise.all([gateway?.stop(), accounting?.stop()]);
  await receiver?.close();
  await fake?.close();
  await fresh?.drop();
});

describe('tracing across services', () => {
  it('one trace runs gateway → upstream call → NATS → accounting write, with GenAI attributes', async () => {
    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${gateway.origin}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${MASTER_KEY}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify({
        model: 'fake/chat',
        messages: [{ role: 'user', content: 'secret prompt' }],
      }),
    });
    expect(response.status).toBe(200);
    await response.text();

    const inTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    const find = (predicate: (span: ReceivedSpan) => boolean) => inTrace().find(predicate);
    await expect
      .poll(() => find((span) => span.service === 'switchyard-accounting'), { timeout: 15_000 })
      .toBeDefined();
    const server = find((span) => span.name === 'POST /v1/chat/completions');
    const upstream = find((span) => span.name === 'chat chat');
    const write = find((span) => span.name === 'usage.write');
    expect(server?.service).toBe('switchyard-gateway');
    expect(upstream?.parentSpanId).toBe(server?.spanId);
    expect(write?.service).toBe('switchyard-accounting');
    expect(write?.parentSpanId).toBe(server?.spanId);
    expect(server?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'fake',
      'gen_ai.request.model': 'fake/chat',
      'gen_ai.response.model': 'chat',
    });
    expect(server?.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
    expect(JSON.stringify(inTrace())).not.toContain('secret prompt');
  });
});
