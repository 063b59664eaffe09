import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// With SWITCHYARD_CATALOG_SYNC=off the catalog is the configuration: an admin change to the
// catalog publishes a new snapshot, which must still hold the configuration's models.
let fake: FakeOpenAI;
let standalone: Standalone;
let masterKey = '';

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  standalone = await startStandalone({
    env: {
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: FAKE_UPSTREAM_KEY,
      SWITCHYARD_CATALOG_SYNC: 'off',
    },
  });
  masterKey = standalone.printedKey ?? '';
}, 90_000);

afterAll(async () => {
  await standalone?.stop();
  await fake?.close();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${standalone.origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const modelIds = async () =>
  ((await call('GET', '/v1/models')).body.data as { id: string }[]).map((model) => model.id);

describe('standalone catalog with the sync off', () => {
  it("admin provider changes keep the configuration's models served", async () => {
    const before = await modelIds();
    expect(before).toContain('openai/gpt-4o-mini');

    const added = await call('POST', '/admin/v1/providers', {
      name: 'extra',
      type: 'openai-compatible',
      base_url: fake.url,
    });
    expect(added.status).toBe(201);
    const disabled = await call('PATCH', '/admin/v1/providers/extra', { enabled: false });
    expect(disabled.status).toBe(200);

    // The gateway follows the published snapshot: give it a moment, then it must be unchanged.
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The same models (the snapshot lists them by id, the configuration in its own order).
    expect((await modelIds()).sort()).toEqual(before.sort());
    const chat = await call('POST', '/v1/chat/completions', {
      model: 'openai/gpt-4o-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(chat.status).toBe(200);
  });

  it('refuses to add a provider the configuration already has', async () => {
    const duplicate = await call('POST', '/admin/v1/providers', {
      name: 'openai',
      type: 'openai',
      base_url: 'https://api.openai.com/v1',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error).toMatchObject({ code: 'provider_exists', param: 'name' });
    expect(await modelIds()).toContain('openai/gpt-4o-mini');
  });
});
