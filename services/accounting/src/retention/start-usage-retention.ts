import type { Tables } from '@switchyard/db';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import { type PrunedCounts, pruneExpiredUsage, type RetentionDays } from './prune-expired-usage.js';

/** Options of {@link startUsageRetention}. */
export interface UsageRetentionOptions {
  redisUrl: string;
  db: Kysely<Tables>;
  logger: Logger;
  /** Ledger rows and logged bodies older than this many days are deleted; 0 keeps them. */
  retentionDays: RetentionDays;
  /** How often the job runs; default hourly. */
  everyMs?: number;
  /** The BullMQ queue name; tests use their own. */
  queueName?: string;
}

/** The running retention job. */
export interface UsageRetention {
  /** Runs a prune now, through the queue (one worker picks it up); resolves with the rows deleted. */
  runNow(): Promise<PrunedCounts>;
  /** How many schedulers the queue holds: one, however many replicas started. */
  schedulerCount(): Promise<number>;
  stop(): Promise<void>;
}

const schedulerId = 'prune-usage-events';

/**
 * Prunes the usage ledger and the request log on a BullMQ job scheduler: every replica upserts
 * the same scheduler (idempotent), BullMQ enqueues one job per interval, and exactly one
 * replica's worker runs it.
 */
export async function startUsageRetention(options: UsageRetentionOptions): Promise<UsageRetention> {
  const queueName = options.queueName ?? 'accounting-usage-retention';
  // BullMQ's workers block on Redis, which needs retries without a per-request limit.
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (error) => options.logger.warn({ err: error }, 'usage retention redis'));
  const queue = new Queue(queueName, { connection });
  const worker = new Worker(
    queueName,
    async () => {
      const deleted = await pruneExpiredUsage(options.db, options.retentionDays);
      options.logger.info({ deleted, retentionDays: options.retentionDays }, 'usage ledger pruned');
      return deleted;
    },
    { connection, concurrency: 1 },
  );
  worker.on('failed', (_job, error) => options.logger.error({ err: error }, 'usage prune failed'));
  worker.on('error', (error) => options.logger.warn({ err: error }, 'usage retention worker'));
  // Not awaited: while Redis is unreachable the service still starts; the scheduler lands once
  // Redis answers (ioredis retries without limit here).
  const scheduled = queue
    .upsertJobScheduler(
      schedulerId,
      { every: options.everyMs ?? 3_600_000 },
      { name: 'prune', opts: { removeOnComplete: 50, removeOnFail: 50 } },
    )
    .then(
      () => true,
      (error: unknown) => {
        options.logger.error({ err: error }, 'could not schedule usage retention');
        return false;
      },
    );
  return {
    async runNow() {
      const job = await queue.add('prune-now', {}, { removeOnComplete: 50, removeOnFail: 50 });
      for (;;) {
        const state = await job.getState();
        if (state === 'completed' || state === 'failed' || state === 'unknown') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const done = await queue.getJob(job.id ?? '');
      if (done?.failedReason) throw new Error(done.failedReason);
      return toPrunedCounts(done?.returnvalue);
    },
    schedulerCount: async () => {
      await scheduled;
      return queue.getJobSchedulersCount();
    },
    async stop() {
      await Promise.race([scheduled, new Promise((resolve) => setTimeout(resolve, 1_000))]);
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}

const prunedCountsSchema = z.object({
  usageEvents: z.number(),
  requestBodies: z.number(),
  auditLog: z.number().optional(),
});

/** A job's return value as it comes back from Redis (JSON). */
function toPrunedCounts(value: unknown): PrunedCounts {
  const parsed = prunedCountsSchema.safeParse(value);
  return parsed.success ? parsed.data : { usageEvents: 0, requestBodies: 0 };
}
