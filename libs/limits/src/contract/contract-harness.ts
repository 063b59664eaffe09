import { randomUUID } from 'node:crypto';
import type { AdmissionRequest } from '../admission-request.js';
import type { AdmissionResult, Admitted, Refused } from '../admission-result.js';
import type { LimitScope } from '../limit-scope.js';
import type { RateLimiter } from '../rate-limiter.js';

/** How the contract suite gets limiters of one implementation and lets time pass. */
export interface RateLimiterContractHarness {
  /** A limiter; every limiter of one harness shares one store (one Redis, or one memory). */
  createLimiter(options?: { slotTtlMs?: number }): RateLimiter | Promise<RateLimiter>;
  /** Lets `ms` pass: moves a fake clock, or sleeps for a real one. */
  advance(ms: number): Promise<void>;
  /** How far a real clock may run between two steps of a test (0 for a fake clock). */
  clockSlackMs: number;
}

/** A partition no other test uses, so tests share one Redis without seeing each other. */
export const uniquePartition = (): string => `contract-${randomUUID()}`;

/** An admission request for `scopes` in `partition`, with a fresh lease id. */
export function admission(
  partition: string,
  scopes: readonly LimitScope[],
  tokens = 0,
): AdmissionRequest {
  return { partition, scopes, tokens, leaseId: randomUUID() };
}

/** The result as an admission, failing the test when it is a refusal. */
export function expectAdmitted(result: AdmissionResult): Admitted {
  if (!result.admitted || result.degraded === true) {
    throw new Error(`expected an admission, got ${JSON.stringify(result)}`);
  }
  return result;
}

/** The result as a refusal, failing the test when it is an admission. */
export function expectRefused(result: AdmissionResult): Refused {
  if (result.admitted) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

/** Resolves after `ms` of real time. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
