import { describe, expect, it } from 'vitest';
import { CONCURRENCY_RETRY_AFTER_MS } from '../check-concurrency.js';
import {
  admission,
  expectAdmitted,
  expectRefused,
  type RateLimiterContractHarness,
  uniquePartition,
} from './contract-harness.js';

/** Every scope of a request is charged, or none is. */
export function describeAllOrNothingContract(harness: RateLimiterContractHarness): void {
  const slack = harness.clockSlackMs;

  describe('all or nothing across scopes', () => {
    it('charges nothing to the key when the team refuses', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const key = { id: 'key:a', requestsPerMinute: 10, tokensPerMinute: 10_000 };
      const team = { id: 'team:t', requestsPerMinute: 2 };
      for (let count = 0; count < 2; count++) {
        expectAdmitted(await limiter.admit(admission(partition, [key, team], 100)));
      }
      const refused = expectRefused(await limiter.admit(admission(partition, [key, team], 100)));
      expect(refused.limitedBy).toEqual({ scope: 'team:t', limit: 'requests' });
      const [keyState] = await limiter.state(partition, [key]);
      expect(keyState?.remainingRequests).toBe(8);
      expect(keyState?.remainingTokens).toBeGreaterThanOrEqual(9_800);
      expect(keyState?.remainingTokens).toBeLessThan(9_800 + 1 + slack / 6);
    });

    it('charges no request to any scope when a token limit refuses', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const key = { id: 'key:a', requestsPerMinute: 10, tokensPerMinute: 100_000 };
      const team = { id: 'team:t', tokensPerMinute: 1_000 };
      const refused = expectRefused(await limiter.admit(admission(partition, [key, team], 1_500)));
      expect(refused.limitedBy).toEqual({ scope: 'team:t', limit: 'tokens' });
      expect(refused.tooLarge).toBe(true);
      expect(await limiter.state(partition, [key, team])).toEqual([
        {
          scope: 'key:a',
          limitRequests: 10,
          remainingRequests: 10,
          resetRequestsMs: 0,
          limitTokens: 100_000,
          remainingTokens: 100_000,
          resetTokensMs: 0,
        },
        { scope: 'team:t', limitTokens: 1_000, remainingTokens: 1_000, resetTokensMs: 0 },
      ]);
    });

    it('charges no request when the concurrency limit refuses', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const key = { id: 'key:a', requestsPerMinute: 10, maxConcurrent: 1 };
      expectAdmitted(await limiter.admit(admission(partition, [key])));
      const refused = expectRefused(await limiter.admit(admission(partition, [key])));
      expect(refused.limitedBy).toEqual({ scope: 'key:a', limit: 'concurrency' });
      expect(refused.retryAfterMs).toBe(CONCURRENCY_RETRY_AFTER_MS);
      const [state] = await limiter.state(partition, [key]);
      expect(state?.remainingRequests).toBe(9);
      expect(state?.remainingConcurrent).toBe(0);
    });

    it('names the limit that keeps the request out longest', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const key = { id: 'key:a', requestsPerMinute: 60 };
      const team = { id: 'team:t', requestsPerMinute: 6 };
      await Promise.all(
        Array.from({ length: 6 }, () => limiter.admit(admission(partition, [key, team]))),
      );
      await Promise.all(
        Array.from({ length: 54 }, () => limiter.admit(admission(partition, [key]))),
      );
      const refused = expectRefused(await limiter.admit(admission(partition, [key, team])));
      expect(refused.limitedBy).toEqual({ scope: 'team:t', limit: 'requests' });
      expect(refused.retryAfterMs).toBeGreaterThanOrEqual(10_000 - slack);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
      expect(refused.states.map((state) => state.remainingRequests)).toEqual([0, 0]);
    });
  });
}
