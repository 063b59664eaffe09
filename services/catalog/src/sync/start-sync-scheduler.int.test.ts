import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalogForTest, type TestCatalog } from '../testing/start-catalog-for-test.js';
import { runCatalogSync } from './run-catalog-sync.js';
import { type SyncScheduler, startSyncScheduler } from './start-sync-scheduler.js';

let catalog: TestCatalog;
let scheduler: SyncScheduler;
const queueName = `catalog-sync-test-${randomBytes(6).toString('hex')}`;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let concurrentRuns = 0;
let mostConcurrentRuns = 0;

beforeAll(async () => {
  catalog = await startCatalogForTest();
  scheduler = await startSyncScheduler({
    redisUrl,
    db: catalog.database.db,
    intervalMs: 3_600_000,
    queueName,
    run: async (runId, trigger) => {
      concurrentRuns += 1;
      mostConcurrentRuns = Math.max(mostConcurrentRuns, concurrentRuns);
      try {
        return await runCatalogSync(catalog.syncDeps, {
          ...(runId !== undefined && { runId }),
          trigger,
        });
      } finally {
        concurrentRuns -= 1;
      }
    },
    logger: catalog.app.log,
  });
});

afterAll(async () => {
  await scheduler?.close();
  const queue = new Queue(queueName, { connection: { url: redisUrl } });
  await queue.obliterate({ force: true });
  await queue.close();
  await catalog?.stop();
});

describe('startSyncScheduler (BullMQ)', () => {
  it('registers the repeatable job and runs queued syncs one at a time', async () => {
    const queue = new Queue(queueName, { connection: { url: redisUrl } });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toMatchObject([{ key: 'catalog-sync', every: 3_600_000 }]);
      expect(await queue.getGlobalConcurrency()).toBe(1);
    } finally {
      await queue.close();
    }
    const ids = await Promise.all([scheduler.enqueue('admin'), scheduler.enqueue('admin')]);
    const finished = async () => {
      const rows = await catalog.database.db
        .selectFrom('catalog.sync_runs')
        .select(['id', 'status'])
        .where('id', 'in', ids)
        .execute();
      return rows.filter((row) => row.status === 'succeeded').length;
    };
    await expect.poll(finished, { timeout: 20_000, interval: 100 }).toBe(2);
    expect(mostConcurrentRuns).toBe(1);
  });
});
