import {
  type FakeGoogle,
  type FakeOpenAI,
  startFakeGoogle,
  startFakeOpenAI,
} from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from '../support/fake-config.js';
import { type Standalone, startStandalone } from '../support/start-standalone.js';
import { badInputCorpus } from './bad-input-corpus.js';
import { checkResponse } from './check-response.js';
import { corpusConfigYaml, FAKE_GOOGLE_KEY } from './corpus-config.js';
import { type CorpusFixtures, createCorpusFixtures } from './corpus-fixtures.js';
import { describeExchange } from './describe-exchange.js';
import { GOOD_CHAT } from './gateway-route-specs.js';
import { sendCase } from './send-case.js';

// Issue 13's bad-input corpus: every public and admin route of standalone (gateway, accounting
// and catalog on one port) × kinds of bad input, over real HTTP. Each answer must be the 4xx
// the docs name, in the documented error body, with valid headers; never a 5xx; input refused
// before routing never reaches the upstream; and the server still serves after each route.

const MASTER_KEY = 'sk-sy-e2e-master-key-bad-input';
/** Public routes (docs/api.md) and the gateway's admin route: no OpenAPI document lists them. */
const PUBLIC_ROUTES = [
  'POST /v1/chat/completions',
  'POST /v1/messages',
  'POST /v1/embeddings',
  'GET /v1/models',
  'GET /v1/models/{id}',
  'GET /v1/key',
  'GET /v1/generation',
  'GET /admin/v1/gateway/credentials',
];
const MIN_CASES_PER_ROUTE = 3;
const MIN_CASES = 300;

const corpus = badInputCorpus();
let fake: FakeOpenAI;
let fakeGoogle: FakeGoogle;
let standalone: Standalone;
let fixtures: CorpusFixtures;

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  fakeGoogle = await startFakeGoogle({ apiKeys: [FAKE_GOOGLE_KEY] });
  standalone = await startStandalone({
    yaml: corpusConfigYaml(),
    timeoutMs: 60_000,
    // The catalog synced into the database, so the model routes have models to patch.
    env: {
      FAKE_URL: fake.url,
      FAKE_GOOGLE_URL: fakeGoogle.url,
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      SWITCHYARD_CATALOG_SYNC: 'on',
    },
  });
  fixtures = await createCorpusFixtures(standalone.origin, MASTER_KEY);
  await waitForCatalogSync(standalone.origin);
}, 120_000);

afterAll(async () => {
  await standalone?.stop();
  await fake?.close();
  await fakeGoogle?.close();
});

/** Waits for the start-up catalog sync, which lists the fake's models, to finish. */
async function waitForCatalogSync(origin: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const response = await fetch(`${origin}/admin/v1/catalog/sync/latest`, {
      headers: { authorization: `Bearer ${MASTER_KEY}` },
    });
    const { status } = (await response.json()) as { status?: string };
    if (status === 'succeeded' || status === 'partial') return;
    if (Date.now() > deadline) throw new Error(`the catalog sync never finished: ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Completions and embeddings the upstreams received (POSTs: catalog syncs GET model lists). */
const upstreamCalls = () =>
  [...fake.requests, ...fakeGoogle.requests].filter((request) => request.method === 'POST').length;

/** A good chat request, /livez and an admin read all still answer 200. */
async function expectStillServing(): Promise<void> {
  const chat = await fetch(`${fixtures.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${fixtures.secrets.member}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(GOOD_CHAT),
  });
  expect(chat.status, await chat.text()).toBe(200);
  expect((await fetch(`${fixtures.origin}/livez`)).status).toBe(200);
  const teams = await fetch(`${fixtures.origin}/admin/v1/teams`, {
    headers: { authorization: `Bearer ${fixtures.secrets.admin}` },
  });
  expect(teams.status, await teams.text()).toBe(200);
}

describe('bad-input corpus', () => {
  it(`has at least ${MIN_CASES} cases and covers every route of the OpenAPI documents`, async () => {
    const cases = [...corpus.values()].flat();
    expect(cases.length).toBeGreaterThanOrEqual(MIN_CASES);
    const documented = [...PUBLIC_ROUTES];
    for (const document of ['/admin/v1/openapi.json', '/admin/v1/catalog/openapi.json']) {
      const openapi = (await (await fetch(`${fixtures.origin}${document}`)).json()) as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const [path, methods] of Object.entries(openapi.paths)) {
        for (const method of Object.keys(methods))
          documented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    const thin = documented.filter(
      (route) => (corpus.get(route)?.length ?? 0) < MIN_CASES_PER_ROUTE,
    );
    expect(thin, 'routes with fewer than 3 bad-input cases').toEqual([]);
  });

  for (const [route, cases] of corpus) {
    // The upstream-untouched check counts the fake's requests, so those groups run one at a time.
    const concurrent = !cases.some((badInput) => badInput.expect.upstreamUntouched);
    describe(route, { concurrent }, () => {
      for (const badInput of cases) {
        it(badInput.name, async () => {
          const request = badInput.request(fixtures);
          const upstreamBefore = upstreamCalls();
          const response = await sendCase(badInput, request, fixtures);
          const problems = checkResponse(response, badInput.expect);
          if (badInput.expect.upstreamUntouched && upstreamCalls() !== upstreamBefore) {
            problems.push('the upstream was called for input that must be refused before routing');
          }
          const report = `${problems.join('; ')}\n${describeExchange(request, response)}`;
          expect(problems, report).toEqual([]);
        });
      }
    });
    it(`still serves after ${route} (chat 200, /livez, admin API)`, expectStillServing);
  }
});
