import { resolve } from 'node:path';
import { ConnectionMutex } from './connection-mutex.js';
import { lockDataDir } from './lock-data-dir.js';
import type { SharedPglite } from './shared-pglite.js';
import { startPgliteWorker } from './start-pglite-worker.js';

/**
 * How long closing waits for PGlite to shut down cleanly before stopping its thread: a start
 * still initialising its cluster cannot be interrupted otherwise, and a SIGTERM must not wait.
 */
const DEFAULT_CLOSE_TIMEOUT_MS = 5_000;

/** A PGlite the caller holds until it calls `release`. */
export interface PgliteLease {
  readonly shared: SharedPglite;
  release(): Promise<void>;
}

interface OpenDataDir {
  readonly shared: SharedPglite;
  readonly unlock: () => void;
  holders: number;
}

// Two PGlite instances over one data directory would corrupt it, so a process opens each
// directory once and counts who holds it.
const openDataDirs = new Map<string, OpenDataDir>();

/**
 * The process's PGlite for `dataDir` (started in a worker thread on first use, closed when the
 * last holder lets go), or a fresh in-memory one when `dataDir` is undefined. Throws if another
 * process holds the directory. Returns at once; queries wait until PGlite is ready, and a failed
 * start surfaces as the error of the first query.
 */
export function openPglite(
  dataDir: string | undefined,
  closeTimeoutMs = DEFAULT_CLOSE_TIMEOUT_MS,
): PgliteLease {
  if (dataDir === undefined) {
    const shared = startPglite(undefined);
    return { shared, release: once(() => shared.pglite.close(closeTimeoutMs)) };
  }
  const key = resolve(dataDir);
  let entry = openDataDirs.get(key);
  if (entry === undefined) {
    const unlock = lockDataDir(key);
    let shared: SharedPglite;
    try {
      shared = startPglite(key);
    } catch (error: unknown) {
      unlock();
      throw error;
    }
    entry = { shared, unlock, holders: 0 };
    openDataDirs.set(key, entry);
  }
  const held = entry;
  held.holders += 1;
  return {
    shared: held.shared,
    release: once(async () => {
      held.holders -= 1;
      if (held.holders === 0) {
        openDataDirs.delete(key);
        try {
          await held.shared.pglite.close(closeTimeoutMs);
        } finally {
          held.unlock();
        }
      }
    }),
  };
}

function startPglite(dataDir: string | undefined): SharedPglite {
  return { pglite: startPgliteWorker(dataDir), mutex: new ConnectionMutex() };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
