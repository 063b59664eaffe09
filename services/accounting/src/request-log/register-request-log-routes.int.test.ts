import type { UsageEventV1 } from '@switchyard/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { insertUsageEvents } from '../usage/insert-usage-events.js';
import { toRequestBodiesRow } from '../usage/to-request-bodies-row.js';
import { toUsageEventRow } from '../usage/to-usage-event-row.js';

type Json = Record<string, unknown>;

let accounting: TestAccounting;
let teamA: string;
let teamB: string;
let keyA: string;
let otherKeyA: string;
let memberA: string;
let teamAdminA: string;
let teamAdminB: string;

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

/** Request ids a search returns, newest first. */
async function ids(query: string, key = accounting.masterKey): Promise<string[]> {
  const response = await get(`/admin/v1/requests?limit=200&${query}`, key);
  expect(response.status, query).toBe(200);
  return (response.body.data as Json[]).map((entry) => String(entry.request_id));
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 12, minute)).toISOString();

const requestBody = '{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}';
const responseBody = '{"object":"chat.completion","choices":[{"message":{"content":"hel';

beforeAll(async () => {
  accounting = await startAccountingForTest();
  teamA = String((await post('/admin/v1/teams', { name: 'log-a' })).id);
  teamB = String((await post('/admin/v1/teams', { name: 'log-b' })).id);
  const member = await post('/admin/v1/keys', {
    name: 'member',
    team_id: teamA,
    role: 'member',
    log_bodies: true,
  });
  keyA = String(member.id);
  memberA = String(member.secret);
  otherKeyA = String((await post('/admin/v1/keys', { name: 'other', team_id: teamA })).id);
  teamAdminA = String(
    (await post('/admin/v1/keys', { name: 'ta', team_id: teamA, role: 'team_admin' })).secret,
  );
  teamAdminB = String(
    (await post('/admin/v1/keys', { name: 'tb', team_id: teamB, role: 'team_admin' })).secret,
  );
  const ofA = (minute: number, overrides: Partial<UsageEventV1>) =>
    makeUsageEvent({
      team_id: teamA,
      key_id: keyA,
      started_at: at(minute),
      finished_at: at(minute),
      ...overrides,
    });
  const events = [
    ofA(0, {
      request_id: 'log-a-ok',
      bodies: {
        request: requestBody,
        request_truncated: false,
        response: responseBody,
        response_truncated: true,
      },
    }),
    ofA(1, {
      request_id: 'log-a-429',
      client_request_id: 'caller-trace-7',
      status: 429,
      error_code: 'rate_limit_exceeded',
      error_message: 'Rate limit of 60 requests per minute reached for this key.',
    }),
    ofA(2, {
      request_id: 'log-a-502',
      status: 502,
      error_code: 'upstream_error',
      error_message: 'The upstream said: 100% of capacity in use (Model_Overloaded).',
      bodies: {
        request: requestBody,
        request_truncated: true,
        response: null,
        response_truncated: false,
      },
    }),
    ofA(3, {
      request_id: 'log-a-other-key',
      client_request_id: 'caller-trace-7',
      key_id: otherKeyA,
      model: 'anthropic/claude-3-5-haiku',
      provider: 'anthropic',
    }),
    ofA(4, {
      request_id: 'log-a-400',
      status: 400,
      error_code: 'invalid_request',
      error_message: 'messages[0].content: expected string_or_array',
    }),
    makeUsageEvent({
      request_id: 'log-b-ok',
      team_id: teamB,
      started_at: at(0),
      finished_at: at(0),
      bodies: {
        request: '{}',
        request_truncated: false,
        response: '{}',
        response_truncated: false,
      },
    }),
  ];
  await insertUsageEvents(
    accounting.database.db,
    events.map((event) => toUsageEventRow(event)),
    events.flatMap((event) => toRequestBodiesRow(event) ?? []),
  );
});

afterAll(async () => {
  await accounting?.stop();
});

describe('GET /admin/v1/requests', () => {
  it('lists requests newest first in the usage event shape, with error_message and has_bodies', async () => {
    expect(await ids(`team_id=${teamA}`)).toEqual([
      'log-a-400',
      'log-a-other-key',
      'log-a-502',
      'log-a-429',
      'log-a-ok',
    ]);
    const response = await get(`/admin/v1/requests?team_id=${teamA}&limit=5`, accounting.masterKey);
    const byId = new Map((response.body.data as Json[]).map((entry) => [entry.request_id, entry]));
    expect(byId.get('log-a-429')).toMatchObject({
      object: 'usage_event',
      team_id: teamA,
      key_id: keyA,
      status: 429,
      error_code: 'rate_limit_exceeded',
      error_message: 'Rate limit of 60 requests per minute reached for this key.',
      has_bodies: false,
      cost_usd: '0.000027',
      extra: {},
    });
    expect(byId.get('log-a-ok')).toMatchObject({ has_bodies: true, error_message: null });
    expect(byId.get('log-a-ok')).not.toHaveProperty('bodies');
  });

  it('filters by model, provider, key, exact status, status class, error text, time and bodies', async () => {
    expect(await ids(`team_id=${teamA}&model=anthropic/claude-3-5-haiku`)).toEqual([
      'log-a-other-key',
    ]);
    expect(await ids(`team_id=${teamA}&provider=openai&key_id=${keyA}`)).toHaveLength(4);
    expect(await ids(`team_id=${teamA}&status=429`)).toEqual(['log-a-429']);
    expect(await ids(`team_id=${teamA}&status=4xx`)).toEqual(['log-a-400', 'log-a-429']);
    expect(await ids(`team_id=${teamA}&status=5XX`)).toEqual(['log-a-502']);
    // The error code, or the message, case-insensitively; LIKE wildcards match themselves.
    expect(await ids(`team_id=${teamA}&error=RATE_LIMIT`)).toEqual(['log-a-429']);
    expect(await ids(`team_id=${teamA}&error=per%20minute`)).toEqual(['log-a-429']);
    expect(await ids(`team_id=${teamA}&error=model_overloaded`)).toEqual(['log-a-502']);
    expect(await ids(`team_id=${teamA}&error=100%25`)).toEqual(['log-a-502']);
    expect(await ids(`team_id=${teamA}&error=%25`)).toEqual(['log-a-502']);
    expect(await ids(`team_id=${teamA}&error=g_or`)).toEqual(['log-a-400']);
    expect(await ids(`team_id=${teamA}&error=g%25or`)).toEqual([]);
    expect(await ids(`team_id=${teamA}&from=${at(1)}&to=${at(3)}`)).toEqual([
      'log-a-502',
      'log-a-429',
    ]);
    expect(await ids(`team_id=${teamA}&has_bodies=true`)).toEqual(['log-a-502', 'log-a-ok']);
    expect(await ids(`team_id=${teamA}&has_bodies=false`)).toEqual([
      'log-a-400',
      'log-a-other-key',
      'log-a-429',
    ]);
    expect(await ids('has_bodies=true&status=2xx')).toEqual(['log-b-ok', 'log-a-ok']);
  });

  it('finds every request that carried a caller’s x-request-id, which each entry shows', async () => {
    expect(await ids('client_request_id=caller-trace-7')).toEqual(['log-a-other-key', 'log-a-429']);
    expect(await ids('client_request_id=caller-trace-7&status=4xx')).toEqual(['log-a-429']);
    expect(await ids('client_request_id=nobody')).toEqual([]);
    const entry = await get('/admin/v1/requests/log-a-429', accounting.masterKey);
    expect(entry.body).toMatchObject({
      request_id: 'log-a-429',
      client_request_id: 'caller-trace-7',
    });
    const plain = await get('/admin/v1/requests/log-a-ok', accounting.masterKey);
    expect(plain.body).toMatchObject({ client_request_id: null });
  });

  it('pages with the usage events cursor, without repeats', async () => {
    const seen: string[] = [];
    let url = `/admin/v1/requests?team_id=${teamA}&limit=2`;
    for (let page = 0; page < 5; page += 1) {
      const response = await get(url, accounting.masterKey);
      expect(response.status).toBe(200);
      seen.push(...(response.body.data as Json[]).map((entry) => String(entry.request_id)));
      if (response.body.next_cursor === null) break;
      url = `/admin/v1/requests?team_id=${teamA}&limit=2&cursor=${String(response.body.next_cursor)}`;
    }
    expect(seen).toEqual(await ids(`team_id=${teamA}`));
  });

  it('names the bad field of a malformed query', async () => {
    const cases: Array<[string, string]> = [
      ['status=700', 'status'],
      ['status=4x', 'status'],
      ['status=abc', 'status'],
      ['has_bodies=yes', 'has_bodies'],
      ['team_id=not-a-uuid', 'team_id'],
      ['from=yesterday', 'from'],
      [`from=${at(3)}&to=${at(1)}`, 'from'],
      ['limit=201', 'limit'],
      ['cursor=garbage', 'cursor'],
      ['status_class=4xx', 'status_class'],
    ];
    for (const [query, param] of cases) {
      const response = await get(`/admin/v1/requests?${query}`, accounting.masterKey);
      expect(response.status, query).toBe(400);
      expect(response.body.error, query).toMatchObject({ code: 'invalid_request', param });
    }
  });
});

describe('GET /admin/v1/requests/{request_id}', () => {
  it('shows a request with its logged bodies', async () => {
    const response = await get('/admin/v1/requests/log-a-ok', accounting.masterKey);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      request_id: 'log-a-ok',
      key_id: keyA,
      has_bodies: true,
      bodies: {
        request: requestBody,
        request_truncated: false,
        response: responseBody,
        response_truncated: true,
      },
    });
    const failed = await get('/admin/v1/requests/log-a-502', accounting.masterKey);
    expect(failed.body).toMatchObject({
      error_message: 'The upstream said: 100% of capacity in use (Model_Overloaded).',
      bodies: { request: requestBody, request_truncated: true, response: null },
    });
  });

  it('shows a request without logged bodies with bodies null, and 404s an unknown id', async () => {
    const response = await get('/admin/v1/requests/log-a-429', accounting.masterKey);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 429, has_bodies: false, bodies: null });
    const missing = await get('/admin/v1/requests/no-such-request', accounting.masterKey);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'not_found',
    });
  });
});

describe('request log visibility', () => {
  it("shows a member its own key's requests only, bodies included", async () => {
    expect(await ids('', memberA)).toEqual(['log-a-400', 'log-a-502', 'log-a-429', 'log-a-ok']);
    const own = await get('/admin/v1/requests/log-a-ok', memberA);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ bodies: { request: requestBody } });
    expect((await get('/admin/v1/requests/log-a-other-key', memberA)).status).toBe(404);
    expect((await get('/admin/v1/requests/log-b-ok', memberA)).status).toBe(404);
    const foreignKey = await get(`/admin/v1/requests?key_id=${otherKeyA}`, memberA);
    expect(foreignKey.status).toBe(403);
    expect(foreignKey.body.error).toMatchObject({ code: 'insufficient_role' });
  });

  it("shows a team_admin its team's requests, never another team's", async () => {
    expect(await ids('', teamAdminA)).toHaveLength(5);
    expect((await get('/admin/v1/requests/log-a-other-key', teamAdminA)).status).toBe(200);
    expect((await get('/admin/v1/requests/log-b-ok', teamAdminA)).status).toBe(404);
    const otherTeam = await get(`/admin/v1/requests?team_id=${teamB}`, teamAdminA);
    expect(otherTeam.status).toBe(403);
    expect(otherTeam.body.error).toMatchObject({ code: 'forbidden_team' });
    expect(await ids('', teamAdminB)).toEqual(['log-b-ok']);
    expect((await get('/admin/v1/requests/log-a-ok', teamAdminB)).status).toBe(404);
    const anonymous = await accounting.app.inject({ method: 'GET', url: '/admin/v1/requests' });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('request log routes in the OpenAPI document', () => {
  it('lists both routes, the search with its query parameters', async () => {
    const response = await accounting.app.inject({ method: 'GET', url: '/admin/v1/openapi.json' });
    const document = response.json<{ paths: Record<string, Record<string, Json>> }>();
    const parameters = (path: string) =>
      ((document.paths[path]?.get?.parameters as Json[] | undefined) ?? []).map(
        (parameter) => parameter.name,
      );
    expect(parameters('/admin/v1/requests').sort()).toEqual(
      [
        'client_request_id',
        'cursor',
        'end_user',
        'error',
        'format',
        'from',
        'has_bodies',
        'key_id',
        'limit',
        'model',
        'provider',
        'status',
        'tag',
        'team_id',
        'to',
      ].sort(),
    );
    expect(parameters('/admin/v1/requests/{request_id}')).toEqual(['request_id']);
  });
});
