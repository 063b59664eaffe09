import { describe } from 'vitest';
import type { RateLimiterContractHarness } from './contract/contract-harness.js';
import { describeAllOrNothingContract } from './contract/describe-all-or-nothing-contract.js';
import { describeConcurrencyContract } from './contract/describe-concurrency-contract.js';
import { describeRequestLimitContract } from './contract/describe-request-limit-contract.js';
import { describeStateContract } from './contract/describe-state-contract.js';
import { describeTokenLimitContract } from './contract/describe-token-limit-contract.js';

export type { RateLimiterContractHarness };

/**
 * The behaviour every {@link RateLimiter} implementation must show, run by each
 * implementation's tests (in-memory and real Redis). For tests only: not exported from the package.
 */
export function describeRateLimiterContract(
  name: string,
  harness: RateLimiterContractHarness,
): void {
  describe(`${name} (rate limiter contract)`, () => {
    describeRequestLimitContract(harness);
    describeAllOrNothingContract(harness);
    describeTokenLimitContract(harness);
    describeConcurrencyContract(harness);
    describeStateContract(harness);
  });
}
