import { Redis } from 'ioredis';

/**
 * The gateway's Redis client (limits, budgets, the shared key cache), once ready or after two
 * seconds: a Redis that is down fails open.
 */
export async function connectRedis(url: string): Promise<Redis> {
  // Commands fail fast while Redis is away (no offline queue), so limits fail open or closed
  // at once instead of requests queueing behind a reconnect.
  // Commands issued in one turn of the event loop (many requests' admissions at once) go out in
  // one write: fewer syscalls per request under load, the same round trip alone.
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
  });
  // Connection errors reach the limiter as failed calls, counted and logged once per interval.
  redis.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}
