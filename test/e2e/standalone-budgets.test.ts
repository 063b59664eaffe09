import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// Standalone keeps budget counters in memory: they must start from the ledger's spend (after a
// restart too), and a budget set on a key that has spent already must apply at once.
let fake: FakeOpenAI;
let standalone: Standalone | undefined;

const env = () => ({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: FAKE_UPSTREAM_KEY });

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
});

afterAll(async () => {
  await standalone?.stop();
  await fake?.close();
});

async function call(
  server: Standalone,
  method: string,
  path: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const chat = (server: Standalone, key: string) =>
  call(server, 'POST', '/v1/chat/completions', key, {
    model: 'openai/gpt-4o-mini',
    messages: [{ role: 'user', content: 'hello there' }],
    max_tokens: 16,
  });

/** The key's total cost as the ledger holds it, once `requests` rows have landed. */
async function ledgerSpend(server: Standalone, masterKey: string, keyId: string, requests: number) {
  let rows: { cost_usd: string }[] = [];
  const deadline = Date.now() + 20_000;
  while (rows.length < requests) {
    if (Date.now() > deadline) throw new Error(`the ledger has ${rows.length} rows`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const page = await call(server, 'GET', `/admin/v1/requests?key_id=${keyId}`, masterKey);
    rows = page.body.data as { cost_usd: string }[];
  }
  return rows.reduce((sum, row) => sum + Number(row.cost_usd), 0);
}

async function keyBudget(server: Standalone, secret: string) {
  const response = await call(server, 'GET', '/v1/key', secret);
  const data = response.body.data as { budgets: { spent_usd: string; limit_usd: string }[] };
  return data.budgets[0];
}

describe('standalone budgets and the ledger', () => {
  it('a budget below the spend already in the ledger refuses at once, and a restart keeps the spend', async () => {
    let server = await startStandalone({ env: env() });
    standalone = server;
    const masterKey = server.printedKey ?? '';
    const team = await call(server, 'POST', '/admin/v1/teams', masterKey, { name: 'spenders' });
    const key = await call(server, 'POST', '/admin/v1/keys', masterKey, {
      name: 'spender',
      team_id: team.body.id,
    });
    const keyId = String(key.body.id);
    const secret = String(key.body.secret);
    expect((await chat(server, secret)).status).toBe(200);
    expect((await chat(server, secret)).status).toBe(200);
    const spent = await ledgerSpend(server, masterKey, keyId, 2);
    expect(spent).toBeGreaterThan(0);

    // Half of what was spent: used up from the moment it is set.
    const limit = (spent / 2).toFixed(9);
    const patched = await call(server, 'PATCH', `/admin/v1/keys/${keyId}`, masterKey, {
      budget: { limit_usd: limit, period: 'total' },
    });
    expect(patched.status).toBe(200);
    expect(Number((await keyBudget(server, secret))?.spent_usd)).toBeCloseTo(spent, 12);
    const refused = await chat(server, secret);
    expect(refused.status).toBe(402);
    expect(refused.body.error).toMatchObject({ code: 'budget_exceeded' });

    // A restart starts the counter from the ledger, not from zero.
    await server.stop();
    server = await startStandalone({ env: env(), dataDir: server.dataDir });
    standalone = server;
    expect(Number((await keyBudget(server, secret))?.spent_usd)).toBeCloseTo(spent, 12);
    expect((await chat(server, secret)).status).toBe(402);
  }, 120_000);
});
