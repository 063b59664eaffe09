import { Counter, type Registry } from 'prom-client';

/** Why a usage message was dead-lettered. */
export type DeadLetterReason = 'unparseable' | 'invalid' | 'insert_failed';

/** The usage consumer's counters on `/metrics`. */
export interface UsageConsumerMetrics {
  /** Messages stored and acked (redelivered duplicates included). */
  consumed: Counter;
  /** Ledger rows that were new. */
  inserted: Counter;
  deadLettered: Counter<'reason'>;
  /** Batch (or single-row) writes the database refused; their messages come back later. */
  insertFailures: Counter;
}

/** Registers the usage consumer's counters (`switchyard_usage_events_*`) on `registry`. */
export function createUsageConsumerMetrics(registry: Registry): UsageConsumerMetrics {
  return {
    consumed: new Counter({
      name: 'switchyard_usage_events_consumed_total',
      help: 'Usage events written to the ledger and acknowledged, duplicates included.',
      registers: [registry],
    }),
    inserted: new Counter({
      name: 'switchyard_usage_events_inserted_total',
      help: 'Usage events that became a new ledger row.',
      registers: [registry],
    }),
    deadLettered: new Counter({
      name: 'switchyard_usage_events_deadlettered_total',
      help: 'Usage messages moved to the dead-letter stream, by reason.',
      labelNames: ['reason'],
      registers: [registry],
    }),
    insertFailures: new Counter({
      name: 'switchyard_usage_events_insert_failures_total',
      help: 'Ledger writes the database refused; their messages are redelivered.',
      registers: [registry],
    }),
  };
}
