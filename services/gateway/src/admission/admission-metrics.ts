import type { FastifyBaseLogger as Logger } from 'fastify';
import { Counter, type Registry } from 'prom-client';

/** Which check could not be made: the rate limits, or the budgets. */
export type DegradedCheck = 'rate_limit' | 'budget';

/** What admission reports: refusals by limit, and a limit store that cannot be reached. */
export interface AdmissionMetrics {
  refused(limit: string): void;
  /**
   * A request let through unchecked (fail open) or refused (fail closed) because its limits or
   * budgets could not be checked (Redis unreachable; a budget counter unknown and unseedable).
   */
  degraded(failMode: 'open' | 'closed', check: DegradedCheck): void;
  /** One attempt to seed an unknown budget counter from the ledger. */
  budgetSeed(result: 'seeded' | 'failed'): void;
  /** One failed store call; logged at most once per interval, always counted. */
  storeError(error: unknown): void;
}

/** Logs at most one store error per this interval, with the count since the last log. */
const STORE_ERROR_LOG_INTERVAL_MS = 30_000;

export function createAdmissionMetrics(
  registry: Registry,
  logger: Logger,
  now: () => number,
): AdmissionMetrics {
  const refusals = new Counter({
    name: 'switchyard_rate_limit_refusals_total',
    help: 'Requests refused with 429, by the limit that refused them (requests, tokens, concurrency).',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const degraded = new Counter({
    name: 'switchyard_rate_limit_degraded_total',
    help: 'Requests admitted unchecked (open) or refused (closed) because their rate limits or budgets (check) could not be checked.',
    labelNames: ['fail_mode', 'check'] as const,
    registers: [registry],
  });
  const seeds = new Counter({
    name: 'switchyard_budget_counter_seeds_total',
    help: 'Unknown budget counters (a restarted or flushed Redis, a new period) seeded from the ledger, or not (failed).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'switchyard_rate_limit_store_errors_total',
    help: 'Failed calls to the rate-limit store (Redis).',
    registers: [registry],
  });
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  let unlogged = 0;
  return {
    refused: (limit) => refusals.inc({ limit }),
    degraded: (failMode, check) => degraded.inc({ fail_mode: failMode, check }),
    budgetSeed: (result) => seeds.inc({ result }),
    storeError(error) {
      storeErrors.inc();
      unlogged += 1;
      if (now() - lastLoggedAt < STORE_ERROR_LOG_INTERVAL_MS) return;
      logger.error(
        { err: error, failures: unlogged },
        'rate-limit store unreachable; limits are not enforced while it lasts (fail open) or requests are refused (fail closed)',
      );
      lastLoggedAt = now();
      unlogged = 0;
    },
  };
}
