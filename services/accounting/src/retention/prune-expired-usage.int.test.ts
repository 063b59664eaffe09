import { randomUUID } from 'node:crypto';
import { useRedis } from '@switchyard/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { insertUsageEvents } from '../usage/insert-usage-events.js';
import { toRequestBodiesRow } from '../usage/to-request-bodies-row.js';
import { toUsageEventRow } from '../usage/to-usage-event-row.js';
import { pruneExpiredUsage } from './prune-expired-usage.js';
import { startUsageRetention } from './start-usage-retention.js';

let accounting: TestAccounting;
let redisUrl: string;

beforeAll(async () => {
  accounting = await startAccountingForTest();
  redisUrl = (await useRedis()).url;
});

afterAll(async () => {
  await accounting?.stop();
});

const day = 86_400_000;

/** One logged request per age (in days, ending now), ids `<prefix>-<age>`. */
async function insertLogged(prefix: string, ageDays: number[]): Promise<void> {
  const now = Date.now();
  const events = ageDays.map((age) =>
    makeUsageEvent({
      request_id: `${prefix}-${age}`,
      started_at: new Date(now - age * day - 1_000).toISOString(),
      finished_at: new Date(now - age * day).toISOString(),
      bodies: {
        request: '{"a":1}',
        request_truncated: false,
        response: '{}',
        response_truncated: false,
      },
    }),
  );
  await insertUsageEvents(
    accounting.database.db,
    events.map((event) => toUsageEventRow(event)),
    events.flatMap((event) => toRequestBodiesRow(event) ?? []),
  );
}

const stored = async (
  table: 'accounting.usage_events' | 'accounting.request_bodies',
  prefix: string,
) =>
  (
    await accounting.database.db
      .selectFrom(table)
      .select('request_id')
      .where('request_id', 'like', `${prefix}-%`)
      .orderBy('request_id')
      .execute()
  ).map((row) => row.request_id);

describe('request body retention', () => {
  it('prunes bodies past their own, shorter retention, not younger ones, and keeps the ledger rows', async () => {
    const prefix = `prune-${randomUUID().slice(0, 8)}`;
    await insertLogged(prefix, [1, 6, 8, 30]);
    const deleted = await pruneExpiredUsage(
      accounting.database.db,
      { usageEvents: 90, requestBodies: 7 },
      { batchSize: 1 },
    );
    expect(deleted.requestBodies).toBeGreaterThanOrEqual(2);
    expect(await stored('accounting.request_bodies', prefix)).toEqual([
      `${prefix}-1`,
      `${prefix}-6`,
    ]);
    expect(await stored('accounting.usage_events', prefix)).toHaveLength(4);
    await expect(
      pruneExpiredUsage(accounting.database.db, { usageEvents: 0, requestBodies: 0.5 }),
    ).rejects.toThrow(RangeError);
  });

  it('runs in the BullMQ retention job, even when ledger rows are kept forever', async () => {
    const prefix = `job-${randomUUID().slice(0, 8)}`;
    await insertLogged(prefix, [2, 10]);
    const retention = await startUsageRetention({
      redisUrl,
      db: accounting.database.db,
      logger: pino({ level: 'silent' }),
      retentionDays: { usageEvents: 0, requestBodies: 7 },
      queueName: `usage-retention-test-${randomUUID().slice(0, 8)}`,
    });
    try {
      const deleted = await retention.runNow();
      expect(deleted.usageEvents).toBe(0);
      expect(await stored('accounting.request_bodies', prefix)).toEqual([`${prefix}-2`]);
      expect(await stored('accounting.usage_events', prefix)).toHaveLength(2);
    } finally {
      await retention.stop();
    }
  });
});
