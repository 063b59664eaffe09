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
import { toUsageEventRow } from '../usage/to-usage-event-row.js';
import { pruneUsageEvents } from './prune-usage-events.js';
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

async function insertAged(teamId: string, ageDays: number[]): Promise<void> {
  const now = Date.now();
  const rows = ageDays.map((age) => {
    const finished = new Date(now - age * day);
    return toUsageEventRow(
      makeUsageEvent({
        team_id: teamId,
        started_at: new Date(finished.getTime() - 1_000).toISOString(),
        finished_at: finished.toISOString(),
      }),
    );
  });
  await insertUsageEvents(accounting.database.db, rows);
}

const countRows = async (teamId: string) =>
  Number(
    (
      await accounting.database.db
        .selectFrom('accounting.usage_events')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('team_id', '=', teamId)
        .executeTakeFirstOrThrow()
    ).count,
  );

describe('usage retention', () => {
  it('deletes ledger rows past the retention in chunks and keeps the rollups', async () => {
    const teamId = randomUUID();
    await insertAged(teamId, [1, 5, 31, 40, 100]);
    const deleted = await pruneUsageEvents(accounting.database.db, 30, { batchSize: 2 });
    expect(deleted).toBeGreaterThanOrEqual(3);
    expect(await countRows(teamId)).toBe(2);
    const rollups = await accounting.database.db
      .selectFrom('accounting.usage_daily')
      .select('requests')
      .where('team_id', '=', teamId)
      .execute();
    expect(rollups.reduce((sum, row) => sum + Number(row.requests), 0)).toBe(5);
    await expect(pruneUsageEvents(accounting.database.db, 0)).rejects.toThrow(RangeError);
  });

  it('runs as one BullMQ job scheduler however many replicas start it', async () => {
    const teamId = randomUUID();
    await insertAged(teamId, [2, 400]);
    const options = {
      redisUrl,
      db: accounting.database.db,
      logger: pino({ level: 'silent' }),
      retentionDays: { usageEvents: 365, requestBodies: 0 },
      queueName: `usage-retention-test-${randomUUID().slice(0, 8)}`,
    };
    const replicas = [await startUsageRetention(options), await startUsageRetention(options)];
    try {
      expect(await replicas[0]?.schedulerCount()).toBe(1);
      // The scheduler's first run may already have pruned; a run on demand finishes either way.
      expect((await replicas[1]?.runNow())?.usageEvents).toBeGreaterThanOrEqual(0);
      expect(await countRows(teamId)).toBe(1);
    } finally {
      for (const replica of replicas) await replica.stop();
    }
  });
});
