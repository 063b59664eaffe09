import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCatalog } from '../start-catalog.js';
import { runCatalogSync } from '../sync/run-catalog-sync.js';
import { startSyncScheduler } from '../sync/start-sync-scheduler.js';
import { startCatalogForTest, type TestCatalog } from '../testing/start-catalog-for-test.js';
import { pruneCatalogAuditLog } from './prune-catalog-audit-log.js';
import { startLocalAuditRetention } from './start-local-audit-retention.js';

let catalog: TestCatalog;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const day = 86_400_000;
/** The tests' clock: far from today, so no row of theirs depends on the real date. */
const NOW = new Date('2031-03-01T12:00:00.000Z');

beforeAll(async () => {
  catalog = await startCatalogForTest();
});

afterAll(async () => {
  await catalog?.stop();
});

/** One audit row per age (days before NOW), target ids `<prefix>-<age>`. */
async function insertAged(prefix: string, ageDays: number[]): Promise<void> {
  await catalog.database.db
    .insertInto('catalog.audit_log')
    .values(
      ageDays.map((age) => ({
        occurred_at: new Date(NOW.getTime() - age * day),
        actor_role: 'admin',
        action: 'model.update',
        target_type: 'model',
        target_id: `${prefix}-${age}`,
        request_id: randomUUID(),
      })),
    )
    .execute();
}

const kept = async (prefix: string) =>
  (
    await catalog.database.db
      .selectFrom('catalog.audit_log')
      .select('target_id')
      .where('target_id', 'like', `${prefix}-%`)
      .orderBy('occurred_at', 'desc')
      .execute()
  ).map((row) => row.target_id);

describe('catalog audit retention', () => {
  it('deletes rows past the retention by the given clock, keeps younger ones, and 0 keeps all', async () => {
    const prefix = `prune-${randomBytes(4).toString('hex')}`;
    await insertAged(prefix, [1, 364, 366, 400]);
    expect(await pruneCatalogAuditLog(catalog.database.db, 0, NOW)).toBe(0);
    expect(await kept(prefix)).toHaveLength(4);
    expect(await pruneCatalogAuditLog(catalog.database.db, 365, NOW)).toBe(2);
    expect(await kept(prefix)).toEqual([`${prefix}-1`, `${prefix}-364`]);
    // A day later by the same clock, the 364-day-old row is at 365 days and still kept.
    await pruneCatalogAuditLog(catalog.database.db, 365, new Date(NOW.getTime() + day));
    expect(await kept(prefix)).toEqual([`${prefix}-1`, `${prefix}-364`]);
    await pruneCatalogAuditLog(catalog.database.db, 365, new Date(NOW.getTime() + 2 * day));
    expect(await kept(prefix)).toEqual([`${prefix}-1`]);
  });

  it('leaves the append-only rule in force outside the prune', async () => {
    const prefix = `guard-${randomBytes(4).toString('hex')}`;
    await insertAged(prefix, [900]);
    await expect(
      sql`delete from catalog.audit_log where target_id = ${`${prefix}-900`}`.execute(
        catalog.database.db,
      ),
    ).rejects.toThrow(/append-only/);
    expect(await kept(prefix)).toEqual([`${prefix}-900`]);
  });

  it('prunes at start and on its timer where the catalog runs in-process (standalone)', async () => {
    const prefix = `local-${randomBytes(4).toString('hex')}`;
    await insertAged(prefix, [5, 31, 45]);
    let now = NOW;
    const retention = startLocalAuditRetention({
      db: catalog.database.db,
      logger: catalog.app.log,
      retentionDays: 30,
      everyMs: 50,
      now: () => now,
    });
    try {
      await retention.idle();
      expect(await kept(prefix)).toEqual([`${prefix}-5`]);
      now = new Date(NOW.getTime() + 30 * day);
      await expect.poll(() => kept(prefix), { timeout: 5_000, interval: 50 }).toEqual([]);
    } finally {
      await retention.stop();
    }
  });

  it('is started by startCatalog in-process with SWITCHYARD_AUDIT_RETENTION_DAYS', async () => {
    const prefix = `start-${randomBytes(4).toString('hex')}`;
    await insertAged(prefix, [2, 8]);
    const service = startCatalog({
      config: {
        masterKey: 'sk-master-retention',
        pepper: catalog.pepper,
        encryptionKey: randomBytes(32).toString('base64'),
        previousEncryptionKeys: [],
        openRouterCatalogUrl: undefined,
        fetchTimeoutMs: 1_000,
        providers: [],
        models: [],
        auditRetentionDays: 7,
        logLevel: 'silent',
        bodyLimitBytes: 1_048_576,
        headersTimeoutMs: 10_000,
        bodyTimeoutMs: 10_000,
      },
      stores: { db: catalog.database.db, bus: catalog.bus },
      // No sync at start or on a timer: only the retention runs.
      sync: {},
      now: () => NOW,
    });
    try {
      await service.started;
      await expect
        .poll(() => kept(prefix), { timeout: 5_000, interval: 50 })
        .toEqual([`${prefix}-2`]);
    } finally {
      await service.stop();
      await service.app.close();
    }
  });

  it('runs once across replicas as a BullMQ job beside the sync, and stops when set to 0', async () => {
    const prefix = `job-${randomBytes(4).toString('hex')}`;
    await insertAged(prefix, [10, 20]);
    const queueName = `catalog-audit-test-${randomBytes(6).toString('hex')}`;
    const options = {
      redisUrl,
      db: catalog.database.db,
      intervalMs: 3_600_000,
      queueName,
      run: (runId: string | undefined, trigger: string) =>
        runCatalogSync(catalog.syncDeps, { ...(runId !== undefined && { runId }), trigger }),
      logger: catalog.app.log,
    };
    const queue = new Queue(queueName, { connection: { url: redisUrl } });
    try {
      const scheduler = await startSyncScheduler({
        ...options,
        pruneAudit: { run: () => pruneCatalogAuditLog(catalog.database.db, 15, NOW) },
      });
      try {
        const keys = (await queue.getJobSchedulers()).map((entry) => entry.key).sort();
        expect(keys).toEqual(['catalog-audit-prune', 'catalog-sync']);
        // A new job scheduler runs at once.
        await expect
          .poll(() => kept(prefix), { timeout: 20_000, interval: 100 })
          .toEqual([`${prefix}-10`]);
      } finally {
        await scheduler.close();
      }
      const withoutRetention = await startSyncScheduler(options);
      await withoutRetention.close();
      expect((await queue.getJobSchedulers()).map((entry) => entry.key)).toEqual(['catalog-sync']);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });
});
