import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { SyncLogger } from '../sync/sync-logger.js';
import { pruneCatalogAuditLog } from './prune-catalog-audit-log.js';

/** Options of {@link startLocalAuditRetention}. */
export interface LocalAuditRetentionOptions {
  db: Kysely<Tables>;
  logger: SyncLogger;
  /** `SWITCHYARD_AUDIT_RETENTION_DAYS`; 0 keeps every row (no timer). */
  retentionDays: number;
  /** How often to prune; default hourly (the first run is at start). */
  everyMs?: number;
  /** The clock the age is measured on; default the system's. */
  now?: () => Date;
}

/** The running in-process retention. */
export interface LocalAuditRetention {
  /** Settles when the run under way (if any) is done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Prunes `catalog.audit_log` on a timer in this process, where the catalog runs without Redis
 * (standalone). One run at a time; a failed run is logged and the next tick tries again.
 */
export function startLocalAuditRetention(options: LocalAuditRetentionOptions): LocalAuditRetention {
  let running: Promise<void> = Promise.resolve();
  if (options.retentionDays === 0) {
    return { idle: async () => undefined, stop: async () => undefined };
  }
  const now = options.now ?? (() => new Date());
  const run = (): void => {
    running = running.then(() =>
      pruneCatalogAuditLog(options.db, options.retentionDays, now()).then(
        (deleted) =>
          options.logger.info(
            { deleted, retentionDays: options.retentionDays },
            'catalog audit log pruned',
          ),
        (error: unknown) => options.logger.error({ err: error }, 'catalog audit prune failed'),
      ),
    );
  };
  run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref();
  return {
    idle: () => running,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
