import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';

/** How long {@link waitForDatabase} tries, and whom it tells about failed attempts. */
export interface WaitForDatabaseOptions {
  /** Give up after this long, in ms. */
  readonly timeoutMs: number;
  /** Pause between attempts, in ms; default 1 000. */
  readonly intervalMs?: number;
  /** Told about each failed attempt (1-based) before the pause. */
  readonly onRetry?: (attempt: number, error: unknown) => void;
}

/**
 * Runs `select 1` until it succeeds or `timeoutMs` has passed, then rethrows the last error.
 * For start-up (a Helm hook or a service racing its database), never on a request path.
 */
export async function waitForDatabase<T>(
  db: Kysely<T>,
  options: WaitForDatabaseOptions,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  const intervalMs = options.intervalMs ?? 1_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await sql`select 1`.execute(db);
      return;
    } catch (error: unknown) {
      if (Date.now() + intervalMs > deadline) {
        throw error;
      }
      options.onRetry?.(attempt, error);
      await sleep(intervalMs);
    }
  }
}
