import type { Bus } from '@switchyard/bus';
import type { NewUsageEventRow, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import {
  DEFAULT_AUDIT_RETENTION_DAYS,
  DEFAULT_REQUEST_BODY_RETENTION_DAYS,
  type UsageConfig,
} from '../config.js';
import { toRetentionDays } from '../retention/prune-expired-usage.js';
import { startLocalUsageRetention } from '../retention/start-local-usage-retention.js';
import { startUsageConsumer } from './start-usage-consumer.js';
import { createUsageConsumerMetrics } from './usage-consumer-metrics.js';

/** Options of {@link startUsageAccounting}. */
export interface UsageAccountingOptions {
  /** The NATS bus, or the in-process one in standalone mode. */
  bus: Bus;
  /** Postgres, or PGlite in standalone mode; migrated already. */
  db: Kysely<Tables>;
  logger: Logger;
  /** Where the consumer's counters go (the app's `/metrics` registry). */
  registry: Registry;
  usage: UsageConfig;
  /** With Redis, retention is one BullMQ job across replicas; without, a timer in this process. */
  redisUrl?: string | undefined;
  /** Told of each batch's rows once written (spend alerts); must not throw. */
  onWritten?: (rows: readonly NewUsageEventRow[]) => Promise<void>;
}

/** The running usage consumer and retention job. */
export interface UsageAccounting {
  /** Settles once the durable consumer exists. */
  readonly ready: Promise<void>;
  /** Stops consuming (the batch in hand is finished) and the retention job. */
  stop(): Promise<void>;
}

/**
 * Everything accounting does with usage events, for `main.ts` and standalone mode alike:
 * the durable consumer into the ledger, rollups and request log, and their retention.
 */
export async function startUsageAccounting(
  options: UsageAccountingOptions,
): Promise<UsageAccounting> {
  const consumer = await startUsageConsumer({
    bus: options.bus,
    db: options.db,
    logger: options.logger,
    metrics: createUsageConsumerMetrics(options.registry),
    batchSize: options.usage.batchSize,
    maxWaitMs: options.usage.batchWaitMs,
    streamMaxAgeMs: options.usage.streamMaxAgeMs,
    ...(options.onWritten && { onWritten: options.onWritten }),
  });
  const retentionDays = toRetentionDays({
    retentionDays: options.usage.retentionDays,
    requestBodyRetentionDays:
      options.usage.requestBodyRetentionDays ?? DEFAULT_REQUEST_BODY_RETENTION_DAYS,
    auditRetentionDays: options.usage.auditRetentionDays ?? DEFAULT_AUDIT_RETENTION_DAYS,
  });
  const retentionOptions = { db: options.db, logger: options.logger, retentionDays };
  const retention =
    retentionDays.usageEvents === 0 && retentionDays.requestBodies === 0 && !retentionDays.auditLog
      ? undefined
      : options.redisUrl === undefined
        ? startLocalUsageRetention(retentionOptions)
        : // BullMQ and ioredis load only here, with Redis: a standalone never pays for them.
          await (await import('../retention/start-usage-retention.js')).startUsageRetention({
            ...retentionOptions,
            redisUrl: options.redisUrl,
          });
  return {
    ready: consumer.ready,
    async stop() {
      await consumer.stop();
      await retention?.stop();
    },
  };
}
