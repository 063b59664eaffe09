import { Redis } from 'ioredis';

/**
 * The gateway's Redis client (limits, budgets, the shared key cache), once ready or after two
 * seconds: a Redis that is down fails open.
 */
export async function connectRedis(url: string): Promise<Redis> {
  // Commands fail fast while Redis is away (no offline queue), so limits fail open or closed
  // at once instead of requests queueing behind a reconnect.
  // No auto-pipelining: it holds each command to a later turn, and a hold's release sent late
  // let the client's next request, on another replica, meet the finished request's reservation
  // (CI caught it as a 402 `in_flight_reservation`).
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
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
