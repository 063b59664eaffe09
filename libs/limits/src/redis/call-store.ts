import type { Redis } from 'ioredis';

/** Redis did not answer in time; it may still run the command later. */
export class StoreTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Redis did not answer within ${timeoutMs} ms`);
    this.name = 'StoreTimeoutError';
  }
}

/** The client knows it is not connected: failing at once beats queueing until the timeout. */
export class StoreDisconnectedError extends Error {
  constructor(status: string) {
    super(`Redis connection is ${status}`);
    this.name = 'StoreDisconnectedError';
  }
}

const disconnected = new Set(['reconnecting', 'close', 'end']);

/**
 * Runs `call` against `redis`, failing fast while the client is disconnected and after
 * `timeoutMs` otherwise, whatever the client's own retry and offline-queue settings.
 */
export async function callStore<T>(
  redis: Redis,
  timeoutMs: number,
  call: () => Promise<T>,
): Promise<T> {
  if (disconnected.has(redis.status)) throw new StoreDisconnectedError(redis.status);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
