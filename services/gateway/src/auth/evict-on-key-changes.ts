import { type Bus, KEYS_CHANGED_SUBJECT, type Subscription } from '@switchyard/bus';
import { keysChangedSchema } from '@switchyard/contracts';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { PrincipalCache } from './create-principal-cache.js';
import type { SharedPrincipalCache } from './create-redis-principal-cache.js';

/**
 * A lookup that read Postgres just before a change committed may write the old principal to
 * Redis just after the eviction; deleting again this much later removes it.
 */
const SECOND_DELETE_AFTER_MS = 1_000;

/**
 * Listens for accounting's key and team changes and evicts the affected principals from this
 * gateway's LRU and from Redis, stale copies included (a key changed during a Postgres outage is
 * refused until Postgres answers), so a revocation or a new limit applies within milliseconds.
 */
export function evictOnKeyChanges(options: {
  bus: Bus;
  cache: PrincipalCache;
  shared: SharedPrincipalCache | undefined;
  logger: Logger;
}): Subscription {
  const { cache, shared, logger } = options;
  const timers = new Set<NodeJS.Timeout>();
  const subscription = options.bus.subscribe(KEYS_CHANGED_SUBJECT, (data) => {
    let change: ReturnType<typeof keysChangedSchema.parse>;
    try {
      change = keysChangedSchema.parse(JSON.parse(Buffer.from(data).toString('utf8')));
    } catch (error: unknown) {
      logger.warn({ err: error }, 'ignored a malformed key change message');
      return;
    }
    cache.evict(change.key_hashes, change.kind === 'team' ? change.id : null);
    if (shared === undefined) return;
    void shared.delete(change.key_hashes);
    const timer = setTimeout(() => {
      timers.delete(timer);
      void shared.delete(change.key_hashes);
    }, SECOND_DELETE_AFTER_MS);
    timer.unref();
    timers.add(timer);
  });
  return {
    unsubscribe() {
      subscription.unsubscribe();
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
