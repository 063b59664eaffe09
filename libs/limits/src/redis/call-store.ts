import type { Redis } from 'ioredis';
import { corkUntilNextTurn, uncorkNow } from './cork-until-next-turn.js';

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
 * Runs `call` against `redis`, failing fast while disconnected and after `timeoutMs` otherwise.
 * Admissions (`with-turn`) of one event-loop turn share a socket write; releases leave `now`.
 */
export async function callStore<T>(
  redis: Redis,
  timeoutMs: number,
  call: () => Promise<T>,
  send: 'with-turn' | 'now' = 'now',
): Promise<T> {
  if (disconnected.has(redis.status)) throw new StoreDisconnectedError(redis.status);
  if (send === 'with-turn') corkUntilNextTurn(redis);
  const reply = call();
  // ioredis wrote the command synchronously: a `now` call leaves with what the connection held.
  if (send === 'now') uncorkNow(redis);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([reply, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
