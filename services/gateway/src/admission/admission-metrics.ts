import type { FastifyBaseLogger as Logger } from 'fastify';
import { Counter, type Registry } from 'prom-client';

/** What admission reports: refusals by limit, and a limit store that cannot be reached. */
export interface AdmissionMetrics {
  refused(limit: string): void;
  /** A request let through unchecked (fail open) or refused (fail closed) for want of Redis. */
  degraded(failMode: 'open' | 'closed'): void;
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
    help: 'Requests admitted unchecked (open) or refused (closed) because the limit store was unreachable.',
    labelNames: ['fail_mode'] as const,
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
    degraded: (failMode) => degraded.inc({ fail_mode: failMode }),
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
