import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// Standalone is the whole product in one process: team keys, limits, the usage ledger, the
// catalog and the console on PGlite and the in-process bus, reached over one port.
let fake: FakeOpenAI;
let standalone: Standalone;
let masterKey = '';

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  standalone = await startStandalone({
    env: {
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: FAKE_UPSTREAM_KEY,
      SWITCHYARD_CATALOG_SYNC: 'on',
    },
  });
  masterKey = standalone.printedKey ?? '';
  // Ready once the embedded database is migrated and the first catalog snapshot is loaded.
  const deadline = Date.now() + 45_000;
  while ((await fetch(`${standalone.origin}/readyz`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`never ready:\n${standalone.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 90_000);

afterAll(async () => {
  await standalone?.stop();
  await fake?.close();
});

async function admin<T>(path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${standalone.origin}/admin/v1${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

describe('standalone: every service in one process', () => {
  it('team keys with limits work, usage lands in the ledger, revocation applies at once', async () => {
    const team = await admin<{ id: string }>('/teams', { name: 'laptop' });
    expect(team.status).toBe(201);
    const key = await admin<{ id: string; secret: string }>('/keys', {
      name: 'dev',
      team_id: team.body.id,
      limits: { rpm: 100 },
    });
    expect(key.status).toBe(201);
    const client = new OpenAI({
      baseURL: standalone.baseUrl,
      apiKey: key.body.secret,
      maxRetries: 0,
    });
    const { data: completion, response } = await client.chat.completions
      .create({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    expect(completion.choices[0]?.message.content).toBe('Echo: hi');
    expect(response.headers.get('x-ratelimit-limit-requests')).toBe('100');
    const requestId = response.headers.get('x-request-id');

    // The request on /metrics, as the GenAI conventions name it, and its cost under its team.
    const metrics = await (await fetch(`${standalone.origin}/metrics`)).text();
    const sample = (pattern: RegExp) => Number(pattern.exec(metrics)?.[1]);
    expect(
      sample(
        /gen_ai_client_token_usage_sum\{[^}]*gen_ai_request_model="openai\/gpt-4o-mini"[^}]*gen_ai_token_type="input"[^}]*\} (\d+)/,
      ),
    ).toBe(completion.usage?.prompt_tokens);
    expect(
      sample(
        /gen_ai_client_operation_duration_seconds_count\{[^}]*gen_ai_provider_name="openai"[^}]*\} (\d+)/,
      ),
    ).toBe(1);
    expect(
      sample(
        new RegExp(
          `switchyard_cost_usd_by_team_total\\{team="${team.body.id}"[^}]*\\} ([0-9.e-]+)`,
        ),
      ),
    ).toBeCloseTo(Number((completion.usage as { cost?: number } | undefined)?.cost), 12);

    await expect
      .poll(
        async () =>
          (
            await fetch(`${standalone.origin}/v1/generation?id=${requestId}`, {
              headers: { authorization: `Bearer ${key.body.secret}` },
            })
          ).status,
        { timeout: 10_000 },
      )
      .toBe(200);
    const events = await admin<{ data: { request_id: string; key_id: string }[] }>(
      `/usage/events?key_id=${key.body.id}`,
    );
    expect(events.body.data.map((event) => event.request_id)).toEqual([requestId]);

    expect((await admin(`/keys/${key.body.id}/revoke`, {})).status).toBe(200);
    await expect(
      client.chat.completions.create({
        model: 'openai/gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('syncs the catalog in-process and serves the console', async () => {
    await expect
      .poll(async () => (await admin<{ status: string }>('/catalog/sync/latest')).body.status, {
        timeout: 20_000,
      })
      .toMatch(/^(succeeded|partial)$/);
    const models = await admin<{ data: { id: string }[] }>('/models?limit=100');
    expect(models.body.data.map((model) => model.id)).toContain('openai/gpt-4o-mini');
    const console = await fetch(`${standalone.origin}/console/`);
    expect(console.status).toBe(200);
    expect(console.headers.get('content-type')).toContain('text/html');
  });
});
