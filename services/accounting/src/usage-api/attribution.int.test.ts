import { usageEventPageSchema, usageSummaryJsonSchema } from '@switchyard/contracts';
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
let teamId: string;
let keyId: string;
let memberSecret: string;
let otherKeyId: string;

async function get(url: string, key = accounting.masterKey) {
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

beforeAll(async () => {
  accounting = await startAccountingForTest();
  teamId = String((await post('/admin/v1/teams', { name: 'attribution' })).id);
  const member = await post('/admin/v1/keys', { name: 'app', team_id: teamId, role: 'member' });
  keyId = String(member.id);
  memberSecret = String(member.secret);
  otherKeyId = String(
    (await post('/admin/v1/keys', { name: 'other', team_id: teamId, role: 'member' })).id,
  );
  const event = (index: number, overrides: Parameters<typeof makeUsageEvent>[0]) =>
    makeUsageEvent({
      request_id: `req-attr-${index}`,
      team_id: teamId,
      key_id: keyId,
      finished_at: `2026-11-20T10:00:${String(index).padStart(2, '0')}.000Z`,
      cost_usd: '0.001',
      ...overrides,
    });
  const events = [
    event(1, { end_user: 'alice', tags: ['team:search', 'beta'] }),
    event(2, { end_user: 'alice', tags: ['team:search'] }),
    event(3, { end_user: 'bob', tags: ['team:ads'] }),
    event(4, { end_user: null, tags: [] }),
    // An older producer: no attribution fields at all.
    event(5, {}),
    event(6, { key_id: otherKeyId, end_user: 'carol', tags: ['team:search'] }),
  ];
  expect(await insertUsageEvents(accounting.database.db, events.map(toUsageEventRow))).toBe(6);
});

afterAll(async () => {
  await accounting?.stop();
});

const range = 'from=2026-11-20&to=2026-11-20';

describe('attribution in the usage API', () => {
  it('stores end user and tags on each ledger row and shows them on the event', async () => {
    const page = usageEventPageSchema.parse((await get('/admin/v1/usage/events?limit=10')).body);
    const byId = new Map(page.data.map((entry) => [entry.request_id, entry]));
    expect(byId.get('req-attr-1')).toMatchObject({
      end_user: 'alice',
      tags: ['team:search', 'beta'],
    });
    expect(byId.get('req-attr-5')).toMatchObject({ end_user: null, tags: [] });
    expect(byId.get('req-attr-5')?.extra).toEqual({});
  });

  it('groups the summary by end user and by tag, totals counting each request once', async () => {
    const byUser = usageSummaryJsonSchema.parse(
      (await get(`/admin/v1/usage/summary?group_by=end_user&${range}`)).body,
    );
    expect(byUser.data.map((row) => [row.group, row.requests, row.cost_usd])).toEqual([
      ['alice', 2, '0.002'],
      ['bob', 1, '0.001'],
      ['carol', 1, '0.001'],
      [null, 2, '0.002'],
    ]);
    expect(byUser.totals.requests).toBe(6);

    const byTag = usageSummaryJsonSchema.parse(
      (await get(`/admin/v1/usage/summary?group_by=tag&${range}`)).body,
    );
    expect(byTag.data.map((row) => [row.group, row.requests])).toEqual([
      ['beta', 1],
      ['team:ads', 1],
      ['team:search', 3],
      [null, 2],
    ]);
    expect(byTag.totals.requests).toBe(6);
    expect(byTag.totals.cost_usd).toBe('0.006');

    const searchByUser = usageSummaryJsonSchema.parse(
      (await get(`/admin/v1/usage/summary?group_by=end_user&tag=team:search&${range}`)).body,
    );
    expect(searchByUser.data.map((row) => [row.group, row.requests])).toEqual([
      ['alice', 2],
      ['carol', 1],
    ]);
    const aliceByModel = usageSummaryJsonSchema.parse(
      (await get(`/admin/v1/usage/summary?group_by=model&end_user=alice&${range}`)).body,
    );
    expect(aliceByModel.data).toMatchObject([{ group: 'openai/gpt-4o-mini', requests: 2 }]);
  });

  it('filters usage events and the request log by end user and tag', async () => {
    const alice = usageEventPageSchema.parse(
      (await get('/admin/v1/usage/events?end_user=alice')).body,
    );
    expect(alice.data.map((entry) => entry.request_id)).toEqual(['req-attr-2', 'req-attr-1']);
    const beta = await get('/admin/v1/requests?tag=beta');
    expect(beta.status).toBe(200);
    expect((beta.body.data as Json[]).map((entry) => entry.request_id)).toEqual(['req-attr-1']);
    // A tag filter is exact: a key alone does not match its key:value tags.
    const bare = usageEventPageSchema.parse((await get('/admin/v1/usage/events?tag=team')).body);
    expect(bare.data).toEqual([]);
  });

  it('keeps a member to its own key, end user and tag groupings included', async () => {
    const mine = usageSummaryJsonSchema.parse(
      (await get(`/admin/v1/usage/summary?group_by=end_user&${range}`, memberSecret)).body,
    );
    expect(mine.data.map((row) => row.group)).toEqual(['alice', 'bob', null]);
    const theirs = await get(
      `/admin/v1/usage/summary?group_by=tag&key_id=${otherKeyId}&${range}`,
      memberSecret,
    );
    expect(theirs.status).toBe(403);
  });

  it('refuses a bad grouping or filter with a 400 naming it', async () => {
    const group = await get('/admin/v1/usage/summary?group_by=user');
    expect(group.status).toBe(400);
    expect((group.body.error as Json).param).toBe('group_by');
    const tag = await get(`/admin/v1/usage/events?tag=${'x'.repeat(200)}`);
    expect(tag.status).toBe(400);
    expect((tag.body.error as Json).param).toBe('tag');
  });
});
