import type { Tables } from '@switchyard/db';
import { Queue, Worker } from 'bullmq';
import type { Kysely } from 'kysely';
import { insertQueuedRun } from './insert-queued-run.js';
import type { SyncLogger } from './sync-logger.js';
import type { SyncReport } from './sync-report.js';

/** The BullMQ side of the sync: a repeatable job and a worker, one run at a time across replicas. */
export interface SyncScheduler {
  /** Queues a run now (the admin API's trigger); answers its id. */
  enqueue(trigger: string): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link startSyncScheduler}. */
export interface SyncSchedulerOptions {
  redisUrl: string;
  db: Kysely<Tables>;
  /** `SWITCHYARD_CATALOG_SYNC_INTERVAL_MS`. */
  intervalMs: number;
  /** Default `switchyard-catalog-sync`; tests pass their own. */
  queueName?: string;
  /** Runs one sync; a `failed` report fails the job. */
  run: (runId: string | undefined, trigger: string) => Promise<SyncReport>;
  /**
   * Prunes `catalog.audit_log` (answers the rows deleted) on a job scheduler of its own, every
   * `everyMs` (default hourly), run by one replica and never beside a sync; absent: no pruning.
   */
  pruneAudit?: { everyMs?: number; run: () => Promise<number> };
  logger: SyncLogger;
}

const AUDIT_PRUNE_SCHEDULER = 'catalog-audit-prune';
const AUDIT_PRUNE_JOB = 'prune-audit';

interface SyncJobData {
  runId?: string;
  trigger: string;
}

/**
 * Upserts the repeatable sync job (every replica may: it is keyed by id, so there is one) and
 * starts a worker. The queue's global concurrency of 1 keeps to one run at a time however many
 * replicas work it.
 */
export async function startSyncScheduler(options: SyncSchedulerOptions): Promise<SyncScheduler> {
  const name = options.queueName ?? 'switchyard-catalog-sync';
  // BullMQ's blocking worker connection needs maxRetriesPerRequest null.
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue<SyncJobData>(name, { connection });
  await queue.setGlobalConcurrency(1);
  await queue.upsertJobScheduler(
    'catalog-sync',
    { every: options.intervalMs },
    { name: 'sync', data: { trigger: 'schedule' } },
  );
  const { pruneAudit } = options;
  if (pruneAudit !== undefined) {
    await queue.upsertJobScheduler(
      AUDIT_PRUNE_SCHEDULER,
      { every: pruneAudit.everyMs ?? 3_600_000 },
      {
        name: AUDIT_PRUNE_JOB,
        data: { trigger: 'audit-retention' },
        opts: { removeOnComplete: 50, removeOnFail: 50 },
      },
    );
  } else {
    // Retention switched off (0): a scheduler left from an earlier start must stop too.
    await queue.removeJobScheduler(AUDIT_PRUNE_SCHEDULER);
  }
  const worker = new Worker<SyncJobData>(
    name,
    async (job) => {
      if (job.name === AUDIT_PRUNE_JOB) {
        const deleted = (await pruneAudit?.run()) ?? 0;
        options.logger.info({ deleted }, 'catalog audit log pruned');
        return { deleted };
      }
      const report = await options.run(job.data.runId, job.data.trigger);
      if (report.status === 'failed') throw new Error(report.error ?? 'catalog sync failed');
      return { status: report.status, catalog_version: report.catalog_version };
    },
    { connection, concurrency: 1 },
  );
  worker.on('error', (error) => options.logger.error({ err: error }, 'catalog sync worker error'));
  return {
    async enqueue(trigger) {
      const runId = await insertQueuedRun(options.db, trigger);
      await queue.add(
        'sync',
        { runId, trigger },
        { jobId: runId, removeOnComplete: 100, removeOnFail: 100 },
      );
      return runId;
    },
    async close() {
      await worker.close();
      await queue.close();
    },
  };
}
