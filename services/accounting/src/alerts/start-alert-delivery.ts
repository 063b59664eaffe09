import type { Tables } from '@switchyard/db';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  type AlertDelivery,
  type AlertDeliverySettings,
  DEFAULT_ALERT_DELIVERY_SETTINGS,
} from './alert-delivery.js';
import { findPendingDeliveries } from './find-pending-deliveries.js';
import { sendAlertDelivery } from './send-alert-delivery.js';

/** Options of {@link startAlertDelivery}. */
export interface AlertDeliveryOptions {
  redisUrl: string;
  db: Kysely<Tables>;
  logger: Logger;
  settings?: Partial<AlertDeliverySettings>;
  /** The clock signatures are stamped with; default `Date.now`. */
  now?: () => number;
  /** The BullMQ queue name; tests use their own. */
  queueName?: string;
  /** How often deliveries left pending (a crash between commit and enqueue) are queued again. */
  sweepEveryMs?: number;
}

const jobSchema = z.object({ deliveryId: z.uuid() });

/**
 * Sends alert deliveries through a BullMQ queue: each delivery is one job (its id the job id),
 * retried with exponential backoff until it is delivered or out of attempts; any replica's
 * worker may run it. Each attempt is written to the delivery log.
 */
export function startAlertDelivery(options: AlertDeliveryOptions): AlertDelivery {
  const settings = { ...DEFAULT_ALERT_DELIVERY_SETTINGS, ...options.settings };
  const now = options.now ?? Date.now;
  const queueName = options.queueName ?? 'accounting-alert-delivery';
  // BullMQ's workers block on Redis, which needs retries without a per-request limit.
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  connection.on('error', (error) => options.logger.warn({ err: error }, 'alert delivery redis'));
  const queue = new Queue(queueName, { connection });
  const worker = new Worker(
    queueName,
    async (job) => {
      const { deliveryId } = jobSchema.parse(job.data);
      const result = await sendAlertDelivery({
        db: options.db,
        deliveryId,
        lastAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
        timeoutMs: settings.timeoutMs,
        nowMs: now(),
      });
      if (result.kind !== 'failed') return result.kind;
      // Thrown so BullMQ schedules the retry; a failure no retry can fix is not retried.
      throw result.retry ? new Error(result.error) : new UnrecoverableError(result.error);
    },
    { connection, concurrency: 4 },
  );
  worker.on('failed', (job, error) =>
    options.logger.warn(
      { err: error, deliveryId: job?.data?.deliveryId, attempt: job?.attemptsMade },
      'alert delivery attempt failed',
    ),
  );
  worker.on('error', (error) => options.logger.warn({ err: error }, 'alert delivery worker'));
  const enqueue = async (deliveryIds: readonly string[]) => {
    if (deliveryIds.length === 0) return;
    await queue.addBulk(
      deliveryIds.map((deliveryId) => ({
        name: 'deliver',
        data: { deliveryId },
        opts: {
          jobId: deliveryId,
          attempts: settings.attempts,
          backoff: { type: 'exponential', delay: settings.backoffMs },
          removeOnComplete: 1_000,
          removeOnFail: 1_000,
        },
      })),
    );
  };
  const sweep = setInterval(() => {
    findPendingDeliveries(options.db)
      .then(enqueue)
      .catch((error: unknown) =>
        options.logger.warn({ err: error }, 'could not queue pending alert deliveries'),
      );
  }, options.sweepEveryMs ?? 60_000);
  sweep.unref();
  return {
    enqueue,
    async stop() {
      clearInterval(sweep);
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
