import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { pruneExpiredUsage, type RetentionDays } from './prune-expired-usage.js';

/** Options of {@link startLocalUsageRetention}. */
export interface LocalUsageRetentionOptions {
  db: Kysely<Tables>;
  logger: Logger;
  /** How many days ledger rows and logged bodies are kept; 0 keeps them. */
  retentionDays: RetentionDays;
  /** How often to prune; default hourly (the first run is at start). */
  everyMs?: number;
}

/**
 * Prunes the usage ledger and the request log on a timer in this process, for standalone mode
 * and deployments without Redis. Several replicas doing so is wasteful but safe: deleting the
 * same old rows twice is a no-op. With Redis, prefer `startUsageRetention` (one runner across
 * replicas).
 */
export function startLocalUsageRetention(options: LocalUsageRetentionOptions): {
  stop(): Promise<void>;
} {
  let running: Promise<void> = Promise.resolve();
  const run = (): void => {
    running = pruneExpiredUsage(options.db, options.retentionDays).then(
      (deleted) => {
        options.logger.info(
          { deleted, retentionDays: options.retentionDays },
          'usage ledger pruned',
        );
      },
      (error: unknown) => options.logger.error({ err: error }, 'usage prune failed'),
    );
  };
  run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
