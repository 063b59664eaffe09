import { requestLogQuerySchema } from '@switchyard/contracts';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import { insertUsageEvents } from '../usage/insert-usage-events.js';
import { toRequestBodiesRow } from '../usage/to-request-bodies-row.js';
import { toUsageEventRow } from '../usage/to-usage-event-row.js';
import { findRequestLogEntry } from './find-request-log-entry.js';
import { listRequestLog } from './list-request-log.js';

// Standalone mode serves the request log from PGlite: the same queries on the embedded dialect.
describe('the request log on PGlite', () => {
  const database = createDatabase({ pglite: { dataDir: undefined } });
  const admin = { role: 'admin', teamId: null, keyId: null } as const;
  const events = [
    makeUsageEvent({
      request_id: 'pglite-ok',
      finished_at: '2026-11-20T10:00:00.000Z',
      bodies: {
        request: '{"a":1}',
        request_truncated: false,
        response: '{}',
        response_truncated: false,
      },
    }),
    makeUsageEvent({
      request_id: 'pglite-429',
      finished_at: '2026-11-20T10:01:00.000Z',
      status: 429,
      error_code: 'rate_limit_exceeded',
      error_message: 'Too many requests: 100% of the limit',
    }),
  ];

  beforeAll(async () => {
    await migrateToLatest(database.db, 'accounting');
    await insertUsageEvents(
      database.db,
      events.map((event) => toUsageEventRow(event)),
      events.flatMap((event) => toRequestBodiesRow(event) ?? []),
    );
  }, 120_000);

  afterAll(async () => {
    await database.close();
  });

  const search = async (query: Record<string, string>) =>
    (await listRequestLog(database.db, requestLogQuerySchema.parse(query), undefined)).data.map(
      (entry) => [entry.request_id, entry.has_bodies],
    );

  it('searches by status class, error text and logged bodies', async () => {
    expect(await search({})).toEqual([
      ['pglite-429', false],
      ['pglite-ok', true],
    ]);
    expect(await search({ status: '4xx' })).toEqual([['pglite-429', false]]);
    expect(await search({ error: '100%' })).toEqual([['pglite-429', false]]);
    expect(await search({ has_bodies: 'true' })).toEqual([['pglite-ok', true]]);
  });

  it('reads one request with its bodies', async () => {
    expect(await findRequestLogEntry(database.db, admin, 'pglite-ok')).toMatchObject({
      has_bodies: true,
      bodies: { request: '{"a":1}', response: '{}' },
    });
    expect(await findRequestLogEntry(database.db, admin, 'pglite-429')).toMatchObject({
      error_message: 'Too many requests: 100% of the limit',
      bodies: null,
    });
  });
});
