import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { insertUsageEvents } from './insert-usage-events.js';
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
});
