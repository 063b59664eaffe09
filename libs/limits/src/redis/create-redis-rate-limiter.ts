import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Redis } from 'ioredis';
import type { AdmissionRequest } from '../admission-request.js';
import type { AdmissionResult } from '../admission-result.js';
import { assertTokenCount } from '../assert-token-count.js';
import { buildScopeStates } from '../build-scope-states.js';
import { createAllowances } from '../create-allowances.js';
import { decideRefusal } from '../decide-refusal.js';
import { createLease, leaseRecord, newLeaseRecord } from '../lease.js';
import type { LimitScope } from '../limit-scope.js';
import { LimiterUnavailableError } from '../limiter-unavailable-error.js';
import type { PlannedLimit } from '../planned-limit.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { ScopeState } from '../scope-state.js';
import { slotTtlMsOf } from '../slot-ttl-ms-of.js';
import { callStore } from './call-store.js';
import { createLimitPlans, type LimitPlan } from './create-limit-plans.js';
import { defineLimitScripts } from './define-limit-scripts.js';
import { keepAllowances } from './keep-allowances.js';
import {
  parseAdmitReply,
  parseStateReply,
  UnexpectedScriptReplyError,
} from './parse-script-reply.js';
import { limitKindCode, redisLimitKey } from './redis-limit-key.js';
import { requestedSlots } from './requested-slots.js';

/** Default of {@link RedisRateLimiterOptions.timeoutMs}. */
export const DEFAULT_STORE_TIMEOUT_MS = 250;
/** Default of {@link RedisRateLimiterOptions.allowanceIdleMs}. */
export const DEFAULT_ALLOWANCE_IDLE_MS = 1_000;

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
  /**
   * The share of a limit this replica may charge ahead and then admit from without a round
   * trip (0.01: up to a hundredth, less as the limit runs out). Only limits whose share is at
   * least 2 units are charged ahead, and only when every limit of a request is. 0 (the
   * default): every admission asks Redis.
   */
  allowanceShare?: number;
  /** Unused for this long, what was charged ahead is given back (default 1 s). */
  allowanceIdleMs?: number;
}

/** `head`, then each limit's kind code and limit, as the state script reads them. */
function withLimitArguments(head: string[], limits: readonly PlannedLimit[]): string[] {
  for (const limit of limits) head.push(limitKindCode(limit.kind), String(limit.limit));
  return head;
}

/**
 * A rate limiter shared by every gateway replica through Redis: GCRA per rate limit and a
 * sorted set of expiring slots per concurrency limit, each operation one Lua script and one
 * round trip, every key in the request's partition slot and with a TTL. With an allowance
 * share, a replica charges large limits ahead and admits most requests without a round trip.
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RateLimiter {
  const { redis, failMode } = options;
  const slotTtlMs = slotTtlMsOf(options.slotTtlMs);
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  const scripts = defineLimitScripts(redis);
  const report = (error: unknown): void => options.onStoreError?.(error);
  const call = <T>(run: () => Promise<T>): Promise<T> => callStore(redis, timeoutMs, run);
  const share = options.allowanceShare ?? 0;
  if (!(share >= 0 && share <= 1)) {
    throw new RangeError(`allowanceShare must be between 0 and 1, got ${share}`);
  }
  const idleMs = options.allowanceIdleMs ?? DEFAULT_ALLOWANCE_IDLE_MS;
  const allowances = createAllowances({ share, idleMs, slotTtlMs, now: () => performance.now() });
  const keeper = keepAllowances({ allowances, scripts, call, report, slotTtlMs, idleMs });
  const { giveBack } = keeper;
  // Allowance slots are named <holder>:<grant>:<n>, unique to this limiter.
  const holder = randomBytes(6).toString('hex');
  let grants = 0;

  const planOf = createLimitPlans();

  const admitChecked = async (
    request: AdmissionRequest,
    { limits, keys }: LimitPlan,
  ): Promise<AdmissionResult> => {
    const charging = allowances.covers(limits, request.tokens);
    if (charging) {
      const local = allowances.draw(keys, limits, request.tokens);
      if (local !== undefined) {
        const record = newLeaseRecord(request, limits, false, local.drawn);
        const states = buildScopeStates(limits, local.outcomes);
        return { admitted: true, lease: createLease(record), states };
      }
    }
    // Whatever goes to the store is judged on everything this replica holds of its limits.
    const handedBack = allowances.handBack(keys, limits);
    const wants = charging ? allowances.wants(keys, limits) : limits.map(() => 0);
    const prefix = `${holder}:${grants++}:`;
    const args = [String(request.tokens), request.leaseId, String(slotTtlMs), prefix];
    limits.forEach((limit, index) => {
      const kind = limitKindCode(limit.kind);
      args.push(kind, String(limit.limit), String(wants[index]), String(handedBack[index]));
    });
    let reply: unknown;
    try {
      reply = await call(() => scripts.admit(keys, args));
    } catch (error: unknown) {
      // A timed-out admission may still run: free any slots it would have granted.
      void giveBack(request.partition, requestedSlots(limits, wants, prefix));
      throw error;
    } finally {
      if (charging) allowances.settleWants(keys, wants);
    }
    const { admitted, outcomes, granted } = parseAdmitReply(reply, limits.length);
    if (admitted) {
      const lease = createLease(newLeaseRecord(request, limits, false));
      if (!charging) return { admitted: true, lease, states: buildScopeStates(limits, outcomes) };
      const held = allowances.grant(request.partition, keys, limits, { outcomes, granted, prefix });
      void giveBack(request.partition, held.retired);
      return { admitted: true, lease, states: buildScopeStates(limits, held.outcomes) };
    }
    const refusal = decideRefusal(limits, outcomes);
    if (refusal === undefined) throw new UnexpectedScriptReplyError('admit');
    const states = buildScopeStates(limits, allowances.withHeld(keys, limits, outcomes));
    return { admitted: false, ...refusal, states };
  };

  return {
    async admit(request: AdmissionRequest): Promise<AdmissionResult> {
      assertTokenCount(request.tokens, 'tokens');
      const plan = planOf(request.partition, request.scopes);
      if (plan.limits.length === 0) {
        return {
          admitted: true,
          lease: createLease(newLeaseRecord(request, [], false)),
          states: [],
        };
      }
      try {
        return await admitChecked(request, plan);
      } catch (error: unknown) {
        report(error);
        if (failMode === 'closed') throw new LimiterUnavailableError({ cause: error });
        const lease = createLease(newLeaseRecord(request, plan.limits, true));
        return { admitted: true, lease, states: [], degraded: true };
      }
    },

    async reconcile(lease, actualTokens): Promise<void> {
      assertTokenCount(actualTokens, 'actualTokens');
      const record = leaseRecord(lease);
      const delta = actualTokens - record.chargedTokens;
      record.chargedTokens = actualTokens;
      if (record.drawn !== undefined) {
        return giveBack(record.partition, allowances.settle(record.drawn, delta, false));
      }
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
      if (record.drawn !== undefined) {
        return giveBack(record.partition, allowances.settle(record.drawn, 0, true));
      }
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
      if (record.drawn !== undefined) {
        const remote = allowances.settle(record.drawn, delta, !record.released);
        record.released = true;
        return giveBack(record.partition, remote);
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
      const { limits, keys } = planOf(partition, scopes);
      if (limits.length === 0) return [];
      try {
        const reply = await call(() => scripts.state(keys, withLimitArguments([], limits)));
        const stored = parseStateReply(reply, limits.length);
        const outcomes = allowances.withHeld(keys, limits, stored);
        return buildScopeStates(limits, outcomes);
      } catch (error: unknown) {
        report(error);
        if (failMode === 'closed') throw new LimiterUnavailableError({ cause: error });
        return [];
      }
    },

    close: () => keeper.close(),
  };
}
