import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// Cost attribution end to end: the official SDK sends `user`, `x-switchyard-tags` and
// `metadata.tags`; the standalone process carries them on the usage event into the ledger, and
// the usage API groups by end user and tag (as JSON and as CSV).

const yaml = `
providers:
  - name: fake
    type: openai-compatible
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
models:
  - { id: fake/gpt, upstream_model: gpt-test, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`;

interface SummaryRow {
  group: string | null;
  requests: number;
}

let fake: FakeOpenAI;
let standalone: Standalone;
let masterKey = '';
let key: { id: string; secret: string };

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  standalone = await startStandalone({ yaml, env: { FAKE_URL: fake.url } });
  masterKey = standalone.printedKey ?? '';
  const team = await admin<{ id: string }>('/teams', { name: 'chargeback' });
  key = await admin<{ id: string; secret: string }>('/keys', { name: 'app', team_id: team.id });
}, 90_000);

afterAll(async () => {
  await standalone?.stop();
  await fake?.close();
});

async function admin<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${standalone.origin}/admin/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as T;
}

async function adminGet(path: string, accept = 'application/json'): Promise<Response> {
  return fetch(`${standalone.origin}/admin/v1${path}`, {
    headers: { authorization: `Bearer ${masterKey}`, accept },
  });
}

const today = () => new Date().toISOString().slice(0, 10);

describe('attribution through the OpenAI SDK', () => {
  it('groups usage by the end user and tags the SDK sent, and shows them on /v1/generation', async () => {
    const client = new OpenAI({ baseURL: standalone.baseUrl, apiKey: key.secret, maxRetries: 0 });
    const ask = (user: string | undefined, tags: string | undefined, metadataTags?: string) =>
      client.chat.completions
        .create(
          {
            model: 'fake/gpt',
            messages: [{ role: 'user', content: 'hi' }],
            ...(user !== undefined && { user }),
            ...(metadataTags !== undefined && { metadata: { tags: metadataTags } }),
          },
          tags === undefined ? {} : { headers: { 'x-switchyard-tags': tags } },
        )
        .withResponse();
    const first = await ask('alice', 'team:search, feature:autocomplete');
    await ask('alice', 'team:search');
    await ask('bob', undefined, 'team:ads');
    await ask(undefined, undefined);

    const bad = await ask('alice', 'not a tag').catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect((bad as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('x-switchyard-tags');

    const range = `from=${today()}&to=${today()}`;
    let byUser: SummaryRow[] = [];
    await expect
      .poll(
        async () => {
          const response = await adminGet(`/usage/summary?group_by=end_user&${range}`);
          byUser = ((await response.json()) as { data: SummaryRow[] }).data;
          return byUser.reduce((total, row) => total + row.requests, 0);
        },
        { timeout: 15_000 },
      )
      // The refused request is in the ledger too (a 400), unattributed.
      .toBe(5);
    expect(byUser).toEqual([
      expect.objectContaining({ group: 'alice', requests: 2 }),
      expect.objectContaining({ group: 'bob', requests: 1 }),
      expect.objectContaining({ group: null, requests: 2 }),
    ]);
    const byTag = (
      (await (await adminGet(`/usage/summary?group_by=tag&${range}`)).json()) as {
        data: SummaryRow[];
      }
    ).data;
    expect(byTag.map((row) => [row.group, row.requests])).toEqual([
      ['feature:autocomplete', 1],
      ['team:ads', 1],
      ['team:search', 2],
      [null, 2],
    ]);

    const generation = await fetch(
      `${standalone.baseUrl}/generation?id=${first.response.headers.get('x-switchyard-request-id')}`,
      { headers: { authorization: `Bearer ${key.secret}` } },
    );
    expect(generation.status).toBe(200);
    expect(((await generation.json()) as { data: unknown }).data).toMatchObject({
      end_user: 'alice',
      tags: ['team:search', 'feature:autocomplete'],
    });
  });
});
