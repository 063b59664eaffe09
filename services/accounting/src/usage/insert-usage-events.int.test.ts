import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { insertUsageEvents } from './insert-usage-events.js';
import { toRequestBodiesRow } from './to-request-bodies-row.js';
import { toUsageEventRow } from './to-usage-event-row.js';

let accounting: TestAccounting;

beforeAll(async () => {
  accounting = await startAccountingForTest();
});

afterAll(async () => {
  await accounting?.stop();
});

describe('insertUsageEvents', () => {
  it('round-trips awkward text and extra fields exactly, and counts only new rows', async () => {
    const teamId = randomUUID();
    const awkward = [
      'NULL',
      'with "quotes", commas {and} braces',
      "back\\slash and 'single'",
      'ünïcödé ✓ and\nnewline',
      '',
    ];
    const events = awkward.map((text, index) => ({
      ...makeUsageEvent({
        request_id: `awkward-${index}-${randomUUID()}`,
        team_id: teamId,
        error_code: text,
        upstream_model: text,
        cost_usd: index === 0 ? null : `0.${'1'.repeat(18)}`,
        ttft_ms: index === 1 ? null : 5,
      }),
      // A field a newer v1 producer added: kept in `extra`.
      route_tags: { list: [1, 'two', null], text },
    }));
    const rows = events.map((event) => toUsageEventRow(event));
    expect(await insertUsageEvents(accounting.database.db, rows)).toBe(5);
    expect(await insertUsageEvents(accounting.database.db, rows)).toBe(0);

    const stored = await accounting.database.db
      .selectFrom('accounting.usage_events')
      .selectAll()
      .where('team_id', '=', teamId)
      .execute();
    for (const event of events) {
      const row = stored.find((candidate) => candidate.request_id === event.request_id);
      expect(row).toMatchObject({
        error_code: event.error_code,
        upstream_model: event.upstream_model,
        cost_usd: event.cost_usd,
        ttft_ms: event.ttft_ms,
        extra: { route_tags: event.route_tags },
      });
    }
    const rollups = await accounting.database.db
      .selectFrom('accounting.usage_daily')
      .selectAll()
      .where('team_id', '=', teamId)
      .execute();
    expect(rollups).toMatchObject([
      { requests: '5', cost_usd: '0.444444444444444444', ttft_count: '4' },
    ]);
  });

  it('stores the error message in its column and bodies in the request log, once, with a new ledger row only', async () => {
    const teamId = randomUUID();
    const logged = makeUsageEvent({
      team_id: teamId,
      status: 502,
      error_code: 'upstream_error',
      error_message: 'upstream said "no" \u0000 with a NUL',
      bodies: {
        request: '{"messages":[{"role":"user","content":"h\u0000i ✓"}]}',
        request_truncated: true,
        response: null,
        response_truncated: false,
      },
    });
    const unlogged = makeUsageEvent({ team_id: teamId });
    const write = (events: (typeof logged)[]) =>
      insertUsageEvents(
        accounting.database.db,
        events.map((event) => toUsageEventRow(event)),
        events.flatMap((event) => toRequestBodiesRow(event) ?? []),
      );
    expect(await write([logged, unlogged])).toBe(2);
    // A redelivery, even with other bodies, changes nothing.
    const redelivered = {
      ...logged,
      bodies: { ...logged.bodies, request: 'other' },
    } as typeof logged;
    expect(await write([redelivered])).toBe(0);
    // Bodies of an event whose ledger row was stored without them are not added later.
    expect(
      await write([
        {
          ...unlogged,
          bodies: {
            request: '{}',
            request_truncated: false,
            response: '{}',
            response_truncated: false,
          },
        },
      ]),
    ).toBe(0);

    const row = await accounting.database.db
      .selectFrom('accounting.usage_events')
      .selectAll()
      .where('request_id', '=', logged.request_id)
      .executeTakeFirstOrThrow();
    // Postgres text cannot hold NUL: it is stored as U+FFFD rather than refusing the event.
    expect(row.error_message).toBe('upstream said "no" \ufffd with a NUL');
    expect(row.extra).toEqual({});
    const bodies = await accounting.database.db
      .selectFrom('accounting.request_bodies')
      .selectAll()
      .where('request_id', 'in', [logged.request_id, unlogged.request_id])
      .execute();
    expect(bodies).toEqual([
      {
        request_id: logged.request_id,
        finished_at: new Date(logged.finished_at),
        request_body: '{"messages":[{"role":"user","content":"h\ufffdi ✓"}]}',
        request_truncated: true,
        response_body: null,
        response_truncated: false,
      },
    ]);
  });
});
