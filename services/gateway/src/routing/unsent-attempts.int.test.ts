// Attempts that never reach the upstream (the request could not be built for a route, or its
// signer could not authenticate it) through the distributed gateway on real Redis and Postgres:
// what the credential pools count, what the key's rate-limit and budget holds keep, what the
// client is told.
import { createServer } from 'node:net';
import {
  type FakeGoogleToken,
  type FakeVertex,
  startFakeGoogleToken,
  startFakeVertex,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MASTER_KEY,
  seed,
  startGateway,
  useAccessTestGateway,
} from '../testing/access-test-gateway.js';

const PROJECT = 'acme-unsent';
const LOCATION = 'us-central1';
let google: FakeGoogleToken;
let vertex: FakeVertex;
/** A service-account key of the account whose token endpoint is down. */
let unreachableKey: string;
let gateway: { url: string };

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const limited = (key: string) => `{ key: ${JSON.stringify(key)}, rpm: 20, daily_requests: 100 }`;

beforeAll(async () => {
  google = await startFakeGoogleToken();
  vertex = await startFakeVertex({
    project: PROJECT,
    location: LOCATION,
    verifyToken: (token) => google.tokens.verify(token),
  });
  const key = JSON.parse(google.serviceAccountKey) as Record<string, unknown>;
  key.token_uri = `http://127.0.0.1:${await closedPort()}/token`;
  unreachableKey = JSON.stringify(key);
});

useAccessTestGateway(() => {
  const vertexAt = (name: string, keys: string[]) =>
    `  - { name: ${name}, type: vertex, base_url: "${vertex.url}", keys: [${keys.map(limited).join(', ')}] }`;
  const price = 'pricing: { prompt: "0.000001", completion: "0.000002" }';
  const fallback = `{ provider: fake, upstream_model: chat, priority: 1, ${price} }`;
  return {
    providers: [
      // Round robin: the good key, then the forged one (refused by the token endpoint).
      vertexAt('vx', [google.serviceAccountKey, google.forgedKey]),
      vertexAt('vxdown', [unreachableKey]),
      vertexAt('vxrefused', [google.forgedKey]),
    ].join('\n'),
    models: `
  - id: sig/chat
    context_length: 8192
    routes: [{ provider: vx, upstream_model: gemini-2.0-flash, ${price} }, ${fallback}]
  - id: sig/down
    context_length: 8192
    routes: [{ provider: vxdown, upstream_model: gemini-2.0-flash, ${price} }, ${fallback}]
  - { id: vxrefused/gemini-2.0-flash, context_length: 8192, ${price} }
  - id: sig/embed
    kind: embedding
    context_length: 8192
    routes:
      - { provider: vx, upstream_model: text-embedding-005, ${price} }
      - { provider: fake, upstream_model: embed, priority: 1, ${price} }`,
  };
});

beforeAll(async () => {
  // The pools count per minute: start a second into one, so the file's few seconds stay in it.
  const offset = Math.ceil(Date.now() / 60_000) * 60_000 + 1_000 - Date.now();
  gateway = await startGateway({}, undefined, undefined, () => Date.now() + offset);
});

afterAll(async () => {
  await vertex?.close();
  await google?.close();
});

interface CredentialRow {
  provider: string;
  credential_id: string;
  requests_this_minute: number;
  tokens_this_minute: number;
  requests_today: number;
  refused_until: string | null;
}

async function credential(id: string): Promise<CredentialRow> {
  const response = await fetch(`${gateway.url}/admin/v1/gateway/credentials`, {
    headers: { authorization: `Bearer ${MASTER_KEY}` },
  });
  const { data } = (await response.json()) as { data: CredentialRow[] };
  const row = data.find((entry) => entry.credential_id === id);
  if (row === undefined) throw new Error(`no credential ${id}`);
  return row;
}

const post = (secret: string, path: string, body: Record<string, unknown>) =>
  fetch(`${gateway.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const chat = (secret: string, model: string) =>
  post(secret, '/v1/chat/completions', {
    model,
    messages: [{ role: 'user', content: 'hello there' }],
    max_tokens: 8,
  });

interface KeyState {
  budgets: { spent_usd: string; reserved_usd: string }[];
  rate_limit: { remaining_concurrent: number | null }[];
}
async function keyState(secret: string): Promise<KeyState> {
  const response = await fetch(`${gateway.url}/v1/key`, {
    headers: { authorization: `Bearer ${secret}` },
  });
  return ((await response.json()) as { data: KeyState }).data;
}

/** A key with a budget and one concurrent request: any hold left behind shows. */
const budgetedKey = async () =>
  (
    await seed.key(await seed.team(), {
      budget_usd: '1',
      budget_period: 'total',
      max_concurrent: 1,
    })
  ).secret;

/** The key's holds are all handed back: nothing reserved, the concurrency slot free. */
async function expectNoHolds(secret: string, spentUsd: number): Promise<void> {
  await expect
    .poll(async () => {
      const state = await keyState(secret);
      return {
        reserved: Number(state.budgets[0]?.reserved_usd),
        spent: Number(state.budgets[0]?.spent_usd),
        concurrent: state.rate_limit.map((limit) => limit.remaining_concurrent),
      };
    })
    .toEqual({ reserved: 0, spent: expect.closeTo(spentUsd, 12), concurrent: [1] });
}

const costOf = async (response: Response) =>
  ((await response.json()) as { usage: { cost: number } }).usage.cost;

describe('an attempt whose signer cannot authenticate it', () => {
  it('refused credential: the next credential serves; the refused one counts no request', async () => {
    const secret = await budgetedKey();
    const first = await chat(secret, 'sig/chat');
    expect(first.status, await first.clone().text()).toBe(200);
    const spent = await costOf(first);
    expect(await credential('vx:0')).toMatchObject({ requests_this_minute: 1, requests_today: 1 });
    const tokensAfterFirst = (await credential('vx:0')).tokens_this_minute;
    expect(tokensAfterFirst).toBeGreaterThan(0);

    // Round robin hands the forged key out next: its token request is refused.
    const second = await chat(secret, 'sig/chat');
    expect(second.status, await second.clone().text()).toBe(200);
    expect(second.headers.get('x-switchyard-provider')).toBe('vx');
    const forged = await credential('vx:1');
    expect(forged).toMatchObject({ requests_this_minute: 0, requests_today: 0 });
    expect(forged.tokens_this_minute).toBe(0);
    expect(forged.refused_until).not.toBeNull();
    const good = await credential('vx:0');
    expect(good).toMatchObject({ requests_this_minute: 2, requests_today: 2 });
    expect(good.tokens_this_minute).toBe(2 * tokensAfterFirst);
    await expectNoHolds(secret, spent + (await costOf(second)));
  });

  it('unreachable token endpoint: the next route serves; the credential counts no request', async () => {
    const secret = await budgetedKey();
    for (let round = 1; round <= 2; round += 1) {
      const response = await chat(secret, 'sig/down');
      expect(response.status, await response.clone().text()).toBe(200);
      expect(response.headers.get('x-switchyard-provider')).toBe('fake');
      // Both rounds tried the signer: a never-sent attempt used none of the key's 20 rpm.
      expect(await credential('vxdown:0')).toMatchObject({
        requests_this_minute: 0,
        requests_today: 0,
        tokens_this_minute: 0,
        refused_until: null,
      });
      await response.text();
    }
  });

  it('with no other route: 502 naming the refusal, no secret, every hold handed back', async () => {
    const secret = await budgetedKey();
    const response = await chat(secret, 'vxrefused/gemini-2.0-flash');
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text).error).toMatchObject({
      type: 'upstream_error',
      code: 'upstream_auth_failed',
    });
    expect(text).toContain('invalid_grant');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain('ya29.');
    expect(await credential('vxrefused:0')).toMatchObject({
      requests_this_minute: 0,
      requests_today: 0,
      tokens_this_minute: 0,
    });
    await expectNoHolds(secret, 0);
    // The slot and the budget are free: the key's next request is admitted.
    expect((await chat(secret, 'sig/chat')).status).toBe(200);
  });
});

describe('an attempt whose request cannot be built for the route', () => {
  it('falls back to the next route; the credential gets back exactly what it was charged', async () => {
    const secret = await budgetedKey();
    const before = await credential('vx:0');
    expect(before.tokens_this_minute).toBeGreaterThan(0);
    // Vertex embeds text only: token arrays are refused while the request is built.
    const response = await post(secret, '/v1/embeddings', {
      model: 'sig/embed',
      input: [[1, 2, 3]],
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('x-switchyard-provider')).toBe('fake');
    const after = await credential('vx:0');
    expect(after).toMatchObject({
      requests_this_minute: before.requests_this_minute,
      requests_today: before.requests_today,
      tokens_this_minute: before.tokens_this_minute,
    });
    // An embeddings body carries no cost: its prompt tokens at the fake route's $0.000001.
    const { usage } = (await response.json()) as { usage: { prompt_tokens: number } };
    expect(usage.prompt_tokens).toBeGreaterThan(0);
    await expectNoHolds(secret, usage.prompt_tokens * 0.000001);
  });
});
