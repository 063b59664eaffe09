import type { UsageEventV1 } from '@switchyard/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { insertUsageEvents } from '../usage/insert-usage-events.js';
import { toUsageEventRow } from '../usage/to-usage-event-row.js';

type Json = Record<string, unknown>;

let accounting: TestAccounting;
let teamA: string;
let teamB: string;
let keyA: string;
let teamAdminA: string;
let memberA: string;
const eventsA: UsageEventV1[] = [];

async function get(url: string, key: string): Promise<{ status: number; body: Json }> {
  const response = await accounting.app.inject({
    method: 'GET',
    url,
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.statusCode, body: response.json<Json>() };
}

async function post(url: string, body: Json): Promise<Json> {
  const response = await accounting.app.inject({
    method: 'POST',
    url,
    headers: { authorization: `Bearer ${accounting.masterKey}` },
    payload: body,
  });
  expect(response.statusCode).toBe(201);
  return response.json<Json>();
}

const at = (day: number, minute: number) =>
  new Date(Date.UTC(2026, 10, day, 12, minute)).toISOString();

beforeAll(async () => {
  accounting = await startAccountingForTest();
  teamA = String((await post('/admin/v1/teams', { name: 'usage-a' })).id);
  teamB = String((await post('/admin/v1/teams', { name: 'usage-b' })).id);
  const member = await post('/admin/v1/keys', { name: 'member', team_id: teamA, role: 'member' });
  keyA = String(member.id);
  memberA = String(member.secret);
  const admin = await post('/admin/v1/keys', { name: 'ta', team_id: teamA, role: 'team_admin' });
  teamAdminA = String(admin.secret);

  // Team A: 30 requests over two days, key A, two models, some errors; team B: 5 requests.
  for (let index = 0; index < 30; index += 1) {
    const failed = index % 10 === 9;
    eventsA.push(
      makeUsageEvent({
        request_id: `req-a-${String(index).padStart(2, '0')}`,
        team_id: teamA,
        key_id: keyA,
        started_at: at(index < 20 ? 20 : 21, index),
        finished_at: at(index < 20 ? 20 : 21, index),
        model: index % 2 === 0 ? 'openai/gpt-4o-mini' : 'anthropic/claude-3-5-haiku',
        provider: index % 2 === 0 ? 'openai' : 'anthropic',
        status: failed ? 502 : 200,
        error_code: failed ? 'upstream_error' : null,
        cost_usd: failed ? null : '0.0001',
        ttft_ms: index % 2 === 0 ? 100 : null,
        latency_ms: 1_000,
      }),
    );
  }
  const eventsB = Array.from({ length: 5 }, (_, index) =>
    makeUsageEvent({
      request_id: `req-b-${index}`,
      team_id: teamB,
      started_at: at(20, index),
      finished_at: at(20, index),
      status: 429,
      error_code: 'rate_limit_exceeded',
    }),
  );
  await insertUsageEvents(
    accounting.database.db,
    [...eventsA, ...eventsB].map((event) => toUsageEventRow(event)),
  );
});

afterAll(async () => {
  await accounting?.stop();
});

describe('GET /admin/v1/usage/events', () => {
  it('pages newest first with a cursor, 200 at most per page', async () => {
    const seen: string[] = [];
    let url = `/admin/v1/usage/events?team_id=${teamA}&limit=7`;
    for (let page = 0; page < 10; page += 1) {
      const response = await get(url, accounting.masterKey);
      expect(response.status).toBe(200);
      const data = response.body.data as Json[];
      seen.push(...data.map((event) => String(event.request_id)));
      if (response.body.next_cursor === null) break;
      url = `/admin/v1/usage/events?team_id=${teamA}&limit=7&cursor=${String(response.body.next_cursor)}`;
    }
    expect(seen).toEqual(eventsA.map((event) => event.request_id).reverse());
    const tooMany = await get('/admin/v1/usage/events?limit=201', accounting.masterKey);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ param: 'limit', code: 'invalid_request' });
  });

  it('filters by key, model, provider, status, status class, error text and time', async () => {
    const ids = async (query: string) =>
      (
        (await get(`/admin/v1/usage/events?limit=200&${query}`, accounting.masterKey)).body
          .data as Json[]
      ).map((event) => String(event.request_id));
    expect(await ids(`key_id=${keyA}`)).toHaveLength(30);
    expect(await ids(`model=anthropic/claude-3-5-haiku&team_id=${teamA}`)).toHaveLength(15);
    expect(await ids(`provider=openai&team_id=${teamA}`)).toHaveLength(15);
    expect(await ids('status=502')).toEqual(['req-a-29', 'req-a-19', 'req-a-09']);
    expect(await ids('status_class=4xx')).toHaveLength(5);
    expect(await ids('error=RATE_LIMIT')).toHaveLength(5);
    expect(await ids('error=%25')).toEqual([]); // a literal %, not a wildcard
    expect(await ids(`team_id=${teamA}&from=${at(21, 0)}&to=${at(21, 25)}`)).toEqual([
      'req-a-24',
      'req-a-23',
      'req-a-22',
      'req-a-21',
      'req-a-20',
    ]);
  });

  it('shows one event in the wire shape, exact cost as a decimal string', async () => {
    const response = await get('/admin/v1/usage/events/req-a-00', accounting.masterKey);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      object: 'usage_event',
      request_id: 'req-a-00',
      team_id: teamA,
      key_id: keyA,
      cost_usd: '0.0001',
      error_message: null,
      prompt_tokens: 100,
      ttft_ms: 100,
      finished_at: at(20, 0),
    });
    expect((await get('/admin/v1/usage/events/nope', accounting.masterKey)).status).toBe(404);
  });

  it('names the bad field of a malformed query', async () => {
    const cases: Array<[string, string]> = [
      ['team_id=not-a-uuid', 'team_id'],
      ['status=700', 'status'],
      ['status_class=6xx', 'status_class'],
      ['from=yesterday', 'from'],
      [`from=${at(21, 0)}&to=${at(20, 0)}`, 'from'],
      ['colour=blue', 'colour'],
      ['cursor=garbage', 'cursor'],
    ];
    for (const [query, param] of cases) {
      const response = await get(`/admin/v1/usage/events?${query}`, accounting.masterKey);
      expect(response.status, query).toBe(400);
      expect((response.body.error as Json).param, query).toBe(param);
    }
  });
});

describe('usage API roles', () => {
  it('lets a team_admin see only its own team', async () => {
    const own = await get('/admin/v1/usage/events?limit=200', teamAdminA);
    expect(own.status).toBe(200);
    expect((own.body.data as Json[]).every((event) => event.team_id === teamA)).toBe(true);
    expect(own.body.data as Json[]).toHaveLength(30);
    const other = await get(`/admin/v1/usage/events?team_id=${teamB}`, teamAdminA);
    expect(other.status).toBe(403);
    expect(other.body.error).toMatchObject({ code: 'forbidden_team' });
    expect((await get('/admin/v1/usage/events/req-b-0', teamAdminA)).status).toBe(404);
    expect((await get('/admin/v1/usage/events/req-a-00', teamAdminA)).status).toBe(200);
    const summary = await get('/admin/v1/usage/summary?group_by=team&from=2026-11-01', teamAdminA);
    expect((summary.body.data as Json[]).map((row) => row.group)).toEqual([teamA]);
  });

  it("shows a member its own key's usage only, and refuses a caller without a key", async () => {
    const own = await get('/admin/v1/usage/events?limit=200', memberA);
    expect(own.status).toBe(200);
    const rows = own.body.data as Json[];
    expect(rows).toHaveLength(30);
    expect(rows.every((row) => row.key_id === keyA)).toBe(true);
    expect((await get('/admin/v1/usage/events/req-a-00', memberA)).status).toBe(200);
    expect((await get('/admin/v1/usage/events/req-b-0', memberA)).status).toBe(404);
    const foreignKey = await get(`/admin/v1/usage/events?key_id=${teamA}`, memberA);
    expect(foreignKey.status).toBe(403);
    expect(foreignKey.body.error).toMatchObject({ code: 'insufficient_role' });
    expect(
      (await get('/admin/v1/usage/summary?group_by=key&from=2026-11-01', memberA)).status,
    ).toBe(200);
    const anonymous = await accounting.app.inject({
      method: 'GET',
      url: '/admin/v1/usage/summary',
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('GET /admin/v1/usage/summary', () => {
  it('sums the rollups by day, with exact cost, success rate and averages', async () => {
    const response = await get(
      `/admin/v1/usage/summary?group_by=day&from=2026-11-20&to=2026-11-21&team_id=${teamA}`,
      accounting.masterKey,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      object: 'usage_summary',
      group_by: 'day',
      from: '2026-11-20',
      to: '2026-11-21',
    });
    const data = response.body.data as Json[];
    expect(data.map((row) => [row.group, row.requests, row.errors, row.cost_usd])).toEqual([
      ['2026-11-20', 20, 2, '0.0018'],
      ['2026-11-21', 10, 1, '0.0009'],
    ]);
    expect(response.body.totals).toEqual({
      requests: 30,
      errors: 3,
      success_rate: 0.9,
      prompt_tokens: 3_000,
      completion_tokens: 600,
      cached_tokens: 0,
      reasoning_tokens: 0,
      total_tokens: 3_600,
      cost_usd: '0.0027',
      avg_latency_ms: 1_000,
      avg_ttft_ms: 100,
    });
  });

  it('groups by model, key, team and provider', async () => {
    const groups = async (by: string) =>
      (
        (
          await get(
            `/admin/v1/usage/summary?group_by=${by}&from=2026-11-01&to=2026-11-30`,
            accounting.masterKey,
          )
        ).body.data as Json[]
      ).map((row) => [row.group, row.requests]);
    expect(await groups('team')).toEqual(
      expect.arrayContaining([
        [teamA, 30],
        [teamB, 5],
      ]),
    );
    expect(await groups('key')).toEqual(
      expect.arrayContaining([
        [keyA, 30],
        [null, 5],
      ]),
    );
    expect(await groups('provider')).toEqual([
      ['anthropic', 15],
      ['openai', 20],
    ]);
    const bad = await get('/admin/v1/usage/summary?group_by=week', accounting.masterKey);
    expect(bad.status).toBe(400);
    expect((bad.body.error as Json).param).toBe('group_by');
  });
});

describe('usage routes in the OpenAPI document', () => {
  it('lists the usage routes with their query parameters', async () => {
    const response = await accounting.app.inject({ method: 'GET', url: '/admin/v1/openapi.json' });
    const document = response.json<{ paths: Record<string, Record<string, Json>> }>();
    const parameters = (path: string) =>
      ((document.paths[path]?.get?.parameters as Json[] | undefined) ?? []).map(
        (parameter) => parameter.name,
      );
    expect(parameters('/admin/v1/usage/events')).toEqual(
      expect.arrayContaining(['team_id', 'status_class', 'error', 'from', 'to', 'limit', 'cursor']),
    );
    expect(parameters('/admin/v1/usage/events/{request_id}')).toEqual(['request_id']);
    expect(parameters('/admin/v1/usage/summary')).toEqual(
      expect.arrayContaining(['group_by', 'from', 'to']),
    );
  });
});

describe('GET /admin/v1/usage/credentials', () => {
  it('counts requests, errors and 429s per upstream credential, for admins only', async () => {
    const now = Date.now();
    const event = (index: number, credential: string, status: number) =>
      makeUsageEvent({
        request_id: `req-cred-${credential}-${index}`,
        team_id: teamA,
        key_id: keyA,
        provider: 'openai',
        credential_id: credential,
        status,
        error_code:
          status === 200 ? null : status === 429 ? 'rate_limit_exceeded' : 'upstream_error',
        started_at: new Date(now - 60_000 + index).toISOString(),
        finished_at: new Date(now - 60_000 + index).toISOString(),
      });
    await insertUsageEvents(
      accounting.database.db,
      [
        event(0, 'openai#1', 200),
        event(1, 'openai#1', 429),
        event(2, 'openai#1', 502),
        event(3, 'openai#2', 200),
      ].map((usage) => toUsageEventRow(usage)),
    );
    const response = await get('/admin/v1/usage/credentials', accounting.masterKey);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({
        provider: 'openai',
        credential_id: 'openai#1',
        requests: 3,
        errors: 2,
        rate_limited: 1,
      }),
      expect.objectContaining({
        credential_id: 'openai#2',
        requests: 1,
        errors: 0,
        last_error_at: null,
      }),
    ]);
    expect((await get('/admin/v1/usage/credentials', teamAdminA)).status).toBe(403);
    const bad = await get('/admin/v1/usage/credentials?from=yesterday', accounting.masterKey);
    expect(bad.status).toBe(400);
    expect((bad.body.error as Json).param).toBe('from');
  });
});
