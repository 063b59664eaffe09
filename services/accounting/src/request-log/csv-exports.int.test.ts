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
let memberKeyId: string;
let memberSecret: string;
let teamAdminSecret: string;

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

async function get(url: string, options: { key?: string; accept?: string } = {}) {
  const response = await accounting.app.inject({
    method: 'GET',
    url,
    headers: {
      authorization: `Bearer ${options.key ?? accounting.masterKey}`,
      ...(options.accept !== undefined && { accept: options.accept }),
    },
  });
  return response;
}

/** A CSV body's records, parsed per RFC 4180 (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(cell);
      cell = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
      index += 1;
    } else cell += character;
  }
  return records;
}

/** The records as objects keyed by the header row. */
function csvObjects(text: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((row) =>
    Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])),
  );
}

beforeAll(async () => {
  accounting = await startAccountingForTest();
  teamA = String((await post('/admin/v1/teams', { name: 'csv-a' })).id);
  teamB = String((await post('/admin/v1/teams', { name: 'csv-b' })).id);
  const member = await post('/admin/v1/keys', { name: 'm', team_id: teamA, role: 'member' });
  memberKeyId = String(member.id);
  memberSecret = String(member.secret);
  const other = await post('/admin/v1/keys', { name: 'o', team_id: teamA, role: 'member' });
  teamAdminSecret = String(
    (await post('/admin/v1/keys', { name: 't', team_id: teamA, role: 'team_admin' })).secret,
  );
  const events = [
    makeUsageEvent({
      request_id: 'req-csv-1',
      team_id: teamA,
      key_id: memberKeyId,
      finished_at: '2026-11-20T10:00:01.000Z',
      status: 500,
      error_code: 'upstream_error',
      error_message: '=HYPERLINK("http://evil","click"), then "more"\nsecond line',
      end_user: '@alice, the "admin"',
      tags: ['team:search', 'beta'],
    }),
    makeUsageEvent({
      request_id: 'req-csv-2',
      team_id: teamA,
      key_id: String(other.id),
      finished_at: '2026-11-20T10:00:02.000Z',
      end_user: 'bob',
    }),
    makeUsageEvent({
      request_id: 'req-csv-3',
      team_id: teamB,
      finished_at: '2026-11-20T10:00:03.000Z',
      end_user: 'carol',
    }),
  ];
  await insertUsageEvents(accounting.database.db, events.map(toUsageEventRow));
});

afterAll(async () => {
  await accounting?.stop();
});

describe('CSV exports', () => {
  it('streams the request log as CSV with ?format=csv, escaped and formula-guarded', async () => {
    const response = await get(`/admin/v1/requests?format=csv&team_id=${teamA}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="requests.csv"');
    const rows = csvObjects(response.body);
    expect(rows.map((row) => row.request_id)).toEqual(['req-csv-2', 'req-csv-1']);
    const failed = rows[1];
    expect(failed).toMatchObject({
      status: '500',
      error_message: `'=HYPERLINK("http://evil","click"), then "more"\nsecond line`,
      end_user: `'@alice, the "admin"`,
      tags: 'team:search|beta',
      has_bodies: 'false',
      cost_usd: '0.000027',
    });
    // No cell starts with a formula character once parsed.
    for (const row of rows) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@]/);
    }
  });

  it('answers CSV for Accept: text/csv; JSON stays the default and ?format=json wins', async () => {
    const csv = await get('/admin/v1/requests?end_user=bob', { accept: 'text/csv' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csvObjects(csv.body).map((row) => row.request_id)).toEqual(['req-csv-2']);
    const json = await get('/admin/v1/requests?end_user=bob');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const forced = await get('/admin/v1/requests?format=json', { accept: 'text/csv' });
    expect(forced.headers['content-type']).toMatch(/^application\/json/);
    const bad = await get('/admin/v1/requests?format=xml');
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: Json }>().error.param).toBe('format');
  });

  it('applies the same visibility as JSON: a team_admin its team, a member its own key', async () => {
    const admin = csvObjects((await get('/admin/v1/requests?format=csv')).body);
    expect(admin.map((row) => row.request_id)).toEqual(['req-csv-3', 'req-csv-2', 'req-csv-1']);
    const teamAdmin = csvObjects(
      (await get('/admin/v1/requests?format=csv', { key: teamAdminSecret })).body,
    );
    expect(teamAdmin.map((row) => row.request_id)).toEqual(['req-csv-2', 'req-csv-1']);
    const member = csvObjects(
      (await get('/admin/v1/requests?format=csv', { key: memberSecret })).body,
    );
    expect(member.map((row) => row.request_id)).toEqual(['req-csv-1']);
    const foreign = await get(`/admin/v1/requests?format=csv&team_id=${teamB}`, {
      key: teamAdminSecret,
    });
    expect(foreign.statusCode).toBe(403);
    const summaryForeign = await get(`/admin/v1/usage/summary?format=csv&team_id=${teamB}`, {
      key: teamAdminSecret,
    });
    expect(summaryForeign.statusCode).toBe(403);
  });

  it('exports the usage summary as CSV, one record per group, with the same filters and scope', async () => {
    const range = 'from=2026-11-20&to=2026-11-20';
    const response = await get(`/admin/v1/usage/summary?group_by=end_user&${range}`, {
      accept: 'text/csv',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="usage-end_user-2026-11-20-2026-11-20.csv"',
    );
    const [header] = parseCsv(response.body);
    expect(header?.[0]).toBe('end_user');
    const rows = csvObjects(response.body);
    expect(rows.map((row) => [row.end_user, row.requests, row.errors])).toEqual([
      [`'@alice, the "admin"`, '1', '1'],
      ['bob', '1', '0'],
      ['carol', '1', '0'],
    ]);
    const mine = csvObjects(
      (await get(`/admin/v1/usage/summary?group_by=tag&format=csv&${range}`, { key: memberSecret }))
        .body,
    );
    expect(mine.map((row) => [row.tag, row.requests])).toEqual([
      ['beta', '1'],
      ['team:search', '1'],
    ]);
  });
});
