import type { FastifyBaseLogger as Logger } from 'fastify';
import { Counter, type Registry } from 'prom-client';

/** What key lookup reports: a key store (Postgres) that failed, and keys served from stale copies. */
export interface KeyLookupMetrics {
  /** A lookup Postgres could not answer; `served` says whether a stale copy answered instead. */
  storeError(error: unknown, served: 'stale' | 'unavailable'): void;
  /** One request authenticated from a stale copy of its key. */
  servedStale(): void;
}

/** Logs at most one key-store failure per this interval, with the counts since the last log. */
const LOG_INTERVAL_MS = 30_000;

export function createKeyLookupMetrics(
  registry: Registry,
  logger: Logger,
  now: () => number,
): KeyLookupMetrics {
  const stale = new Counter({
    name: 'switchyard_key_lookup_stale_total',
    help: 'Requests authenticated from a stale copy of their key because Postgres was unreachable.',
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: 'switchyard_key_lookup_store_errors_total',
    help: 'Key lookups Postgres could not answer, by what the gateway did instead (stale, unavailable: 503).',
    labelNames: ['served'] as const,
    registers: [registry],
  });
  let lastLoggedAt = Number.NEGATIVE_INFINITY;
  const unlogged = { stale: 0, unavailable: 0 };
  return {
    storeError(error, served) {
      storeErrors.inc({ served });
      unlogged[served] += 1;
      if (now() - lastLoggedAt < LOG_INTERVAL_MS) return;
      logger.error(
        { err: error, servedStale: unlogged.stale, refused: unlogged.unavailable },
        'key store unreachable; keys seen recently are served from stale copies, others get 503',
      );
      lastLoggedAt = now();
      unlogged.stale = 0;
      unlogged.unavailable = 0;
    },
    servedStale: () => stale.inc(),
  };
}
