import type { Redis } from 'ioredis';
import type { AdmissionRequest } from '../admission-request.js';
import type { AdmissionResult } from '../admission-result.js';
import { assertTokenCount } from '../assert-token-count.js';
import { buildScopeStates } from '../build-scope-states.js';
import { decideRefusal } from '../decide-refusal.js';
import { createLease, leaseRecord, newLeaseRecord } from '../lease.js';
import type { LimitScope } from '../limit-scope.js';
import { LimiterUnavailableError } from '../limiter-unavailable-error.js';
import { planLimits } from '../plan-limits.js';
import type { PlannedLimit } from '../planned-limit.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { ScopeState } from '../scope-state.js';
import { slotTtlMsOf } from '../slot-ttl-ms-of.js';
import { callStore } from './call-store.js';
import { defineLimitScripts } from './define-limit-scripts.js';
import {
  parseAdmitReply,
  parseStateReply,
  UnexpectedScriptReplyError,
} from './parse-script-reply.js';
import { limitKindCode, redisLimitKey } from './redis-limit-key.js';

/** Default of {@link RedisRateLimiterOptions.timeoutMs}. */
export const DEFAULT_STORE_TIMEOUT_MS = 250;

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** The client; the limiter registers its scripts on it with `defineCommand`. */
  redis: Redis;
  /** When Redis is unreachable: admit unchecked (`open`) or throw LimiterUnavailableError. */
  failMode: 'open' | 'closed';
  /** How long a concurrency slot lives if never released (default 10 min). */
  slotTtlMs?: number;
  /** Longest wait for a Redis reply before treating Redis as unreachable (default 250 ms). */
  timeoutMs?: number;
  /** Told of every store failure (count it, log it at most once per interval). */
  onStoreError?: (error: unknown) => void;
}

/** `head`, then each limit's kind code and limit, as the admit and state scripts read them. */
function withLimitArguments(head: string[], limits: readonly PlannedLimit[]): string[] {
  for (const limit of limits) head.push(limitKindCode(limit.kind), String(limit.limit));
  return head;
}

/**
 * A rate limiter shared by every gateway replica through Redis: GCRA per rate limit and a
 * sorted set of expiring slots per concurrency limit, each operation one Lua script and one
 * round trip, every key in the request's partition slot and with a TTL.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { redis, failMode } = options;
  const slotTtlMs = slotTtlMsOf(options.slotTtlMs);
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  const scripts = defineLimitScripts(redis);
  const report = (error: unknown): void => options.onStoreError?.(error);
  const call = <T>(run: () => Promise<T>): Promise<T> => callStore(redis, timeoutMs, run);

  const admitChecked = async (
    request: AdmissionRequest,
    limits: readonly PlannedLimit[],
  ): Promise<AdmissionResult> => {
    const keys = limits.map((limit) => redisLimitKey(request.partition, limit));
    const args = withLimitArguments(
      [String(request.tokens), request.leaseId, String(slotTtlMs)],
      limits,
    );
    const reply = await call(() => scripts.admit(keys, args));
    const { admitted, outcomes } = parseAdmitReply(reply, limits.length);
    const states = buildScopeStates(limits, outcomes);
    if (admitted) {
      return { admitted: true, lease: createLease(newLeaseRecord(request, limits, false)), states };
    }
    const refusal = decideRefusal(limits, outcomes);
    if (refusal === undefined) throw new UnexpectedScriptReplyError('admit');
    return { admitted: false, ...refusal, states };
  };

  return {
    async admit(request: AdmissionRequest): Promise<AdmissionResult> {
      assertTokenCount(request.tokens, 'tokens');
      const limits = planLimits(request.scopes);
      if (limits.length === 0) {
        return {
          admitted: true,
          lease: createLease(newLeaseRecord(request, [], false)),
          states: [],
        };
      }
      try {
        return await admitChecked(request, limits);
      } catch (error: unknown) {
        report(error);
        if (failMode === 'closed') throw new LimiterUnavailableError({ cause: error });
        const lease = createLease(newLeaseRecord(request, limits, true));
        return { admitted: true, lease, states: [], degraded: true };
      }
    },

    async reconcile(lease, actualTokens): Promise<void> {
      assertTokenCount(actualTokens, 'actualTokens');
      const record = leaseRecord(lease);
      const delta = actualTokens - record.chargedTokens;
      record.chargedTokens = actualTokens;
      if (delta === 0 || record.degraded || record.tokenLimits.length === 0) return;
      const keys = record.tokenLimits.map((limit) => redisLimitKey(record.partition, limit));
      const args = [String(delta), ...record.tokenLimits.map((limit) => String(limit.limit))];
      try {
        await call(() => scripts.reconcile(keys, args));
      } catch (error: unknown) {
        report(error);
      }
    },

    async release(lease): Promise<void> {
      const record = leaseRecord(lease);
      if (record.released || record.concurrencyLimits.length === 0) return;
      record.released = true;
      const keys = record.concurrencyLimits.map((limit) => redisLimitKey(record.partition, limit));
      try {
        await call(() => scripts.release(keys, [record.leaseId]));
      } catch (error: unknown) {
        // Left for a later release to retry; the slot TTL frees it if none comes.
        record.released = false;
        report(error);
      }
    },

    async finish(lease, actualTokens): Promise<void> {
      const record = leaseRecord(lease);
      let delta = 0;
      if (actualTokens !== undefined) {
        assertTokenCount(actualTokens, 'actualTokens');
        delta = actualTokens - record.chargedTokens;
        record.chargedTokens = actualTokens;
      }
      const tokenLimits = delta === 0 ? [] : record.tokenLimits;
      const slotLimits = record.released ? [] : record.concurrencyLimits;
      if (record.degraded || tokenLimits.length + slotLimits.length === 0) {
        record.released = true;
        return;
      }
      record.released = true;
      const keys = [...tokenLimits, ...slotLimits].map((limit) =>
        redisLimitKey(record.partition, limit),
      );
      const args = [
        String(tokenLimits.length),
        String(delta),
        record.leaseId,
        ...tokenLimits.map((limit) => String(limit.limit)),
      ];
      try {
        await call(() => scripts.finish(keys, args));
      } catch (error: unknown) {
        // The slot TTL frees what was not released.
        report(error);
      }
    },

    async state(partition: string, scopes: readonly LimitScope[]): Promise<ScopeState[]> {
      const limits = planLimits(scopes);
      if (limits.length === 0) return [];
      const keys = limits.map((limit) => redisLimitKey(partition, limit));
      try {
        const reply = await call(() => scripts.state(keys, withLimitArguments([], limits)));
        return buildScopeStates(limits, parseStateReply(reply, limits.length));
      } catch (error: unknown) {
        report(error);
        if (failMode === 'closed') throw new LimiterUnavailableError({ cause: error });
        return [];
      }
    },
  };
}
