import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@switchyard/config';
import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildGatewayApp, type GatewayApp } from '../app.js';
import { RESPONSE_FAILED } from '../usage/as-delivered.js';
import type { RequestOutcome } from '../usage/usage-recorder.js';

// What the usage recorder is told of each request, through HTTP: its own id whatever the
// caller's x-request-id, the upstream a failure is attributed to, and what the client got.

const MASTER_KEY = 'sk-sy-outcome-master';
const PRICE = 'pricing: { prompt: "0.000001", completion: "0.000002" }';
const outcomes: RequestOutcome[] = [];
let fake: FakeOpenAI;
let gateway: GatewayApp;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: ['sk-fake-a'] });
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-outcome-')), 'config.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: fake, type: openai-compatible, base_url: "${fake.url}", keys: [sk-fake-a] }
models:
  - { id: fake/chat, upstream_model: gpt-test, context_length: 8192, ${PRICE} }
  - { id: fake/error-500, context_length: 8192, ${PRICE} }
`,
  );
  const config = loadConfig({ env: { SWITCHYARD_CONFIG: configFile, LOG_LEVEL: 'silent' } });
  gateway = buildGatewayApp(
    { ...config, masterKey: MASTER_KEY },
    { usage: { record: (outcome) => outcomes.push(outcome) } },
  );
  // Stands for any failure to send an answer the upstream gave (a header that cannot be
  // written, a body that cannot be serialised): the client gets a 500 instead.
  gateway.app.addHook('onSend', async (request) => {
    if (request.headers['x-test-fail-send'] === 'yes') throw new Error('the reply failed');
  });
  await gateway.app.ready();
});
afterAll(async () => {
  await gateway?.app.close();
  await fake?.close();
});
beforeEach(() => {
  outcomes.length = 0;
});

const chat = (model: string, headers: Record<string, string> = {}) =>
  gateway.app.inject({
    method: 'POST',
    url: '/v1/chat/completions',
    headers: { authorization: `Bearer ${MASTER_KEY}`, ...headers },
    payload: { model, messages: [{ role: 'user', content: 'hello there' }] },
  });

describe('request outcomes', () => {
  it('gives every request its own id, keeping a reused x-request-id as an attribute', async () => {
    const responses = [];
    for (let index = 0; index < 3; index += 1) {
      responses.push(await chat('fake/chat', { 'x-request-id': 'same-id-1' }));
    }
    expect(responses.map((response) => response.statusCode)).toEqual([200, 200, 200]);
    expect(outcomes).toHaveLength(3);
    const ids = outcomes.map((outcome) => outcome.requestId);
    expect(new Set(ids).size).toBe(3);
    for (const [index, response] of responses.entries()) {
      expect(response.headers['x-request-id']).toBe('same-id-1');
      // The id the client asks /v1/generation about is the ledger's.
      expect(response.headers['x-switchyard-request-id']).toBe(ids[index]);
      expect(outcomes[index]?.clientRequestId).toBe('same-id-1');
    }
  });

  it('attributes an upstream failure to the provider, model and credential of its last attempt', async () => {
    const response = await chat('fake/error-500');
    expect(response.statusCode).toBe(502);
    expect(response.headers['x-switchyard-attempts']).toBe('1');
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      status: 502,
      model: 'fake/error-500',
      provider: 'fake',
      upstreamModel: 'error-500',
      credentialId: expect.stringMatching(/^fake:/),
      attempts: 1,
      usageSource: 'none',
      cost: undefined,
    });
  });

  it('records what the client got when the answer could not be sent: the error, unbilled', async () => {
    const response = await chat('fake/chat', { 'x-test-fail-send': 'yes' });
    expect(response.statusCode).toBe(500);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      status: 500,
      errorCode: RESPONSE_FAILED,
      provider: 'fake',
      usage: undefined,
      usageSource: 'none',
      cost: undefined,
    });
  });

  it('still records an answer that was sent as served and billed', async () => {
    const response = await chat('fake/chat');
    expect(response.statusCode).toBe(200);
    expect(outcomes[0]).toMatchObject({ status: 200, usageSource: 'provider', attempts: 1 });
    expect(outcomes[0]?.cost).toMatch(/^0\.\d+$/);
  });
});
