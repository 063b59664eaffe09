import { insertQueuedRun } from './insert-queued-run.js';
import {
  type CatalogSyncDeps,
  type RunCatalogSyncOptions,
  runCatalogSync,
} from './run-catalog-sync.js';
import type { SyncReport } from './sync-report.js';

/** Sync runs queued and run inside this process, one at a time. */
export interface InProcessSync {
  /** Queues a run; answers its id at once. */
  enqueue(trigger: string, options?: Pick<RunCatalogSyncOptions, 'configOnly'>): Promise<string>;
  /** Settles when every run queued so far has finished. */
  idle(): Promise<void>;
  /** Stops the timer and waits for the runs already queued. */
  close(): Promise<void>;
}

/** Options of {@link startInProcessSync}. */
export interface InProcessSyncOptions {
  /** Also run every `intervalMs` (standalone mode); no timer when absent. */
  intervalMs?: number;
  /**
   * Run once at start: a full sync, or the configuration alone (`config-only`: no OpenRouter or
   * provider list, what standalone with `SWITCHYARD_CATALOG_SYNC=off` serves).
   */
  atStart?: 'sync' | 'config-only';
  onReport?: (report: SyncReport) => void;
}

/**
 * Runs {@link runCatalogSync} in this process without Redis (standalone mode, tests): runs are
 * serialised on one promise chain; the optional timer queues a `timer` run.
 */
export function startInProcessSync(
  deps: CatalogSyncDeps,
  options: InProcessSyncOptions = {},
): InProcessSync {
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;
  const queue = async (
    trigger: string,
    runOptions: Pick<RunCatalogSyncOptions, 'configOnly'> = {},
  ): Promise<string> => {
    pending += 1;
    const runId = await insertQueuedRun(deps.db, trigger).catch((error: unknown) => {
      pending -= 1;
      throw error;
    });
    // A failed run is logged and the chain goes on: a rejected chain would skip every later run
    // (and reject unhandled).
    chain = chain.then(async () => {
      try {
        const report = await runCatalogSync(deps, { ...runOptions, runId, trigger });
        options.onReport?.(report);
      } catch (error: unknown) {
        deps.logger.error({ err: error, runId, trigger }, 'catalog sync run failed');
      } finally {
        pending -= 1;
      }
    });
    return runId;
  };
  const timer =
    options.intervalMs === undefined
      ? undefined
      : setInterval(() => {
          // A timer tick while a run is queued or running adds nothing.
          if (pending > 0) return;
          void queue('timer').catch((error: unknown) =>
            deps.logger.error({ err: error }, 'could not queue a catalog sync'),
          );
        }, options.intervalMs);
  timer?.unref();
  if (options.atStart !== undefined) {
    void queue('start', { configOnly: options.atStart === 'config-only' }).catch((error: unknown) =>
      deps.logger.error({ err: error }, 'could not queue a catalog sync'),
    );
  }
  return {
    enqueue: queue,
    idle: async () => {
      let seen: Promise<void> | undefined;
      while (seen !== chain) {
        seen = chain;
        await chain;
      }
    },
    close: async () => {
      if (timer !== undefined) clearInterval(timer);
      await chain;
    },
  };
}
