import type { AdmissionRequest } from '../admission-request.js';
import type { AdmissionResult } from '../admission-result.js';
import { assertTokenCount } from '../assert-token-count.js';
import { buildScopeStates } from '../build-scope-states.js';
import { type ConcurrencyCheck, checkConcurrency } from '../check-concurrency.js';
import { checkGcra, type GcraCheck, readGcra, shiftGcra } from '../check-gcra.js';
import { decideRefusal } from '../decide-refusal.js';
import { TIME_EPOCH_S } from '../gcra-constants.js';
import { createLease, leaseRecord, newLeaseRecord } from '../lease.js';
import type { LimitOutcome } from '../limit-outcome.js';
import type { LimitScope } from '../limit-scope.js';
import { planLimits } from '../plan-limits.js';
import type { PlannedLimit } from '../planned-limit.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { ScopeState } from '../scope-state.js';
import { slotTtlMsOf } from '../slot-ttl-ms-of.js';
import { MemoryLimitStore, memoryLimitKey } from './memory-limit-store.js';

/** Options of {@link createMemoryRateLimiter}. */
export interface MemoryRateLimiterOptions {
  /** Clock in ms since the epoch; defaults to a monotonic one. Tests inject their own. */
  now?: () => number;
  /** How long a concurrency slot lives if never released (default 10 min). */
  slotTtlMs?: number;
}

type Check = (GcraCheck | ConcurrencyCheck) & { readonly key: string };

const monotonicNow = (): number => performance.timeOrigin + performance.now();

/**
 * A rate limiter for one process (standalone mode, unit tests): the same GCRA arithmetic and
 * semantics as the Redis limiter, with an injectable clock. Limits are not shared across processes.
 */
export function createMemoryRateLimiter(options: MemoryRateLimiterOptions = {}): RateLimiter {
  const clock = options.now ?? monotonicNow;
  const slotTtlUs = slotTtlMsOf(options.slotTtlMs) * 1000;
  const store = new MemoryLimitStore();
  const nowUs = (): number => {
    const now = (clock() - TIME_EPOCH_S * 1000) * 1000;
    store.sweep(now);
    return now;
  };

  const check = (request: AdmissionRequest, limit: PlannedLimit, now: number): Check => {
    const key = memoryLimitKey(request.partition, limit);
    if (limit.kind === 'concurrency') {
      const slots = store.slots(key, now);
      return { ...checkConcurrency(slots.size, slots.has(request.leaseId), limit.limit), key };
    }
    const cost = limit.kind === 'tokens' ? request.tokens : 1;
    return { ...checkGcra(store.tat(key, now), now, limit.limit, cost), key };
  };

  const charge = (request: AdmissionRequest, checked: Check, now: number): void => {
    if ('chargedTatUs' in checked) store.setTat(checked.key, checked.chargedTatUs, now);
    else store.slots(checked.key, now).set(request.leaseId, now + slotTtlUs);
  };

  const limiter: RateLimiter = {
    async admit(request: AdmissionRequest): Promise<AdmissionResult> {
      assertTokenCount(request.tokens, 'tokens');
      const limits = planLimits(request.scopes);
      const now = nowUs();
      const checks = limits.map((limit) => check(request, limit, now));
      const refusal = decideRefusal(limits, checks);
      if (refusal !== undefined) {
        const outcomes = checks.map((checked) => checked.unchanged);
        return { admitted: false, ...refusal, states: buildScopeStates(limits, outcomes) };
      }
      for (const checked of checks) charge(request, checked, now);
      const lease = createLease(newLeaseRecord(request, limits, false));
      return { admitted: true, lease, states: buildScopeStates(limits, checks) };
    },

    async reconcile(lease, actualTokens): Promise<void> {
      assertTokenCount(actualTokens, 'actualTokens');
      const record = leaseRecord(lease);
      const delta = actualTokens - record.chargedTokens;
      record.chargedTokens = actualTokens;
      if (delta === 0 || record.degraded) return;
      const now = nowUs();
      for (const limit of record.tokenLimits) {
        const key = memoryLimitKey(record.partition, limit);
        store.setTat(key, shiftGcra(store.tat(key, now), now, limit.limit, delta), now);
      }
    },

    async release(lease): Promise<void> {
      const record = leaseRecord(lease);
      if (record.released) return;
      record.released = true;
      for (const limit of record.concurrencyLimits) {
        store.freeSlot(memoryLimitKey(record.partition, limit), record.leaseId);
      }
    },

    async finish(lease, actualTokens): Promise<void> {
      if (actualTokens !== undefined) await limiter.reconcile(lease, actualTokens);
      await limiter.release(lease);
    },

    async state(partition: string, scopes: readonly LimitScope[]): Promise<ScopeState[]> {
      const limits = planLimits(scopes);
      const now = nowUs();
      const outcomes = limits.map((limit): LimitOutcome => {
        const key = memoryLimitKey(partition, limit);
        if (limit.kind !== 'concurrency') return readGcra(store.tat(key, now), now, limit.limit);
        return checkConcurrency(store.slots(key, now).size, true, limit.limit).unchanged;
      });
      return buildScopeStates(limits, outcomes);
    },

    async close(): Promise<void> {
      // Nothing is held ahead: one process is the only replica.
    },
  };
  return limiter;
}
