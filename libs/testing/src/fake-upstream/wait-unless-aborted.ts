import { setTimeout as sleep } from 'node:timers/promises';

/** Waits `ms`; resolves false early when `signal` aborts (the client left), true otherwise. */
export async function waitUnlessAborted(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch (error: unknown) {
    if (signal.aborted) return false;
    throw error;
  }
}
