import { resolve } from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { ConnectionMutex } from './connection-mutex.js';
import { lockDataDir } from './lock-data-dir.js';
import type { SharedPglite } from './shared-pglite.js';

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
 * The process's PGlite for `dataDir` (started on first use, closed when the last holder lets
 * go), or a fresh in-memory one when `dataDir` is undefined. Throws if another process holds
 * the directory. Returns at once; queries wait until PGlite is ready, and a failed start
 * surfaces as the error of the first query.
 */
export function openPglite(dataDir: string | undefined): PgliteLease {
  if (dataDir === undefined) {
    const shared = startPglite(undefined);
    return { shared, release: once(() => closePglite(shared.pglite)) };
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
          await closePglite(held.shared.pglite);
        } finally {
          held.unlock();
        }
      }
    }),
  };
}

function startPglite(dataDir: string | undefined): SharedPglite {
  const pglite = new PGlite({
    ...(dataDir === undefined ? {} : { dataDir }),
    // `pg` reads int8 as a string (it may not fit a number); PGlite is told to do the same so
    // code behaves alike on both. numeric is a string on both already.
    parsers: { [types.INT8]: (value: string) => value },
  });
  // A failed start is reported by the first query that waits for it, not as an unhandled rejection.
  pglite.waitReady.catch(() => {});
  return { pglite, mutex: new ConnectionMutex() };
}

async function closePglite(pglite: PGlite): Promise<void> {
  try {
    await pglite.waitReady;
  } catch {
    return; // never started, nothing to close
  }
  await pglite.close();
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= action();
    return running;
  };
}
