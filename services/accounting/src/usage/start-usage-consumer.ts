import type { Bus, Consumer } from '@switchyard/bus';
import type { NewUsageEventRow, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { handleUsageBatch } from './handle-usage-batch.js';
import type { UsageConsumerMetrics } from './usage-consumer-metrics.js';
import { DEFAULT_USAGE_STREAMS, type UsageStreams } from './usage-streams.js';

const day = 86_400_000;

/** Options of {@link startUsageConsumer}; only `bus`, `db`, `logger` and `metrics` are required. */
export interface UsageConsumerOptions {
  bus: Bus;
  db: Kysely<Tables>;
  logger: Logger;
  metrics: UsageConsumerMetrics;
  /** Shared by every replica, so each message goes to one of them; default `accounting-usage`. */
  durable?: string;
  /** Most messages (single events or usage batches) pulled at once; default 500. */
  batchSize?: number;
  /** A batch is written when full or this long after the pull began; default 1000. */
  maxWaitMs?: number;
  /** A message not acked within this time is redelivered; default 30 000. */
  ackWaitMs?: number;
  /** Deliveries before a message the database keeps refusing is dead-lettered; default 20. */
  maxDeliver?: number;
  /** How long the USAGE stream keeps messages (acked or not); default 7 days. */
  streamMaxAgeMs?: number;
  /** How long the dead-letter stream keeps messages; default 30 days. */
  deadLetterMaxAgeMs?: number;
  /** Pause before a refused message comes back, doubling per delivery; default 1 s to 60 s. */
  retryDelayMs?: { initialMs: number; maxMs: number };
  /**
   * Pull loops on the durable in this process, each writing its own batches, so one batch is
   * fetched and parsed while another is being written; default 2.
   */
  concurrency?: number;
  /** Stream and subject names; tests use their own. */
  streams?: UsageStreams;
  /** Told of each batch's rows once written (spend alerts); must not throw. */
  onWritten?: (rows: readonly NewUsageEventRow[]) => Promise<void>;
}

/** A running usage consumer. */
export interface UsageConsumer {
  /** Settles once the durable exists. */
  readonly ready: Promise<void>;
  /** Stops pulling and waits for the batch in hand; unacked messages are redelivered. */
  stop(): Promise<void>;
}

/**
 * Makes sure the usage and dead-letter streams exist (idempotent, from every replica), then
 * consumes usage events with a durable pull consumer into `accounting.usage_events` and its daily
 * rollups: at-least-once delivery, exactly-once effect (see `handleUsageBatch`). Works on the
 * NATS bus with Postgres and on the in-process bus with PGlite alike.
 */
export async function startUsageConsumer(options: UsageConsumerOptions): Promise<UsageConsumer> {
  const streams = options.streams ?? DEFAULT_USAGE_STREAMS;
  const ackWaitMs = options.ackWaitMs ?? 30_000;
  await options.bus.ensureStream({
    name: streams.usage.name,
    subjects: [streams.usage.subjects],
    maxAgeMs: options.streamMaxAgeMs ?? 7 * day,
  });
  await options.bus.ensureStream({
    name: streams.deadLetter.name,
    subjects: [streams.deadLetter.subjects],
    maxAgeMs: options.deadLetterMaxAgeMs ?? 30 * day,
  });
  const context = {
    bus: options.bus,
    db: options.db,
    logger: options.logger,
    metrics: options.metrics,
    deadLetterSubject: streams.deadLetter.subject,
    retryDelayMs: options.retryDelayMs ?? { initialMs: 1_000, maxMs: 60_000 },
    ...(options.onWritten && { onWritten: options.onWritten }),
  };
  const consumeOptions = {
    stream: streams.usage.name,
    durable: options.durable ?? 'accounting-usage',
    filterSubject: streams.usage.subjects,
    batchSize: Math.min(options.batchSize ?? 500, 2_000),
    maxWaitMs: options.maxWaitMs ?? 1_000,
    ackWaitMs,
    maxDeliver: options.maxDeliver ?? 20,
    onError: (error: unknown) => options.logger.warn({ err: error }, 'usage consumer'),
  };
  const loops: Consumer[] = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, () =>
    options.bus.consume(consumeOptions, (batch) => handleUsageBatch(context, batch)),
  );
  return {
    ready: Promise.all(loops.map((loop) => loop.ready)).then(() => undefined),
    stop: async () => {
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
