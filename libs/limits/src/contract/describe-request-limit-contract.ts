import { describe, expect, it } from 'vitest';
import {
  admission,
  expectAdmitted,
  expectRefused,
  type RateLimiterContractHarness,
  uniquePartition,
} from './contract-harness.js';

/** RPM: an exact burst of the limit, then one request per emission interval. */
export function describeRequestLimitContract(harness: RateLimiterContractHarness): void {
  const slack = harness.clockSlackMs;

  describe('requests per minute', () => {
    it('admits exactly the limit out of 200 concurrent requests', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const scopes = [{ id: 'key:a', requestsPerMinute: 60 }];
      const results = await Promise.all(
        Array.from({ length: 200 }, () => limiter.admit(admission(partition, scopes))),
      );
      const admitted = results.filter((result) => result.admitted).map(expectAdmitted);
      expect(admitted).toHaveLength(60);
      const remaining = admitted.map((result) => result.states[0]?.remainingRequests);
      expect(remaining.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
        Array.from({ length: 60 }, (_, index) => index),
      );
      for (const refused of results.filter((result) => !result.admitted).map(expectRefused)) {
        expect(refused.limitedBy).toEqual({ scope: 'key:a', limit: 'requests' });
        expect(refused.tooLarge).toBe(false);
        expect(refused.retryAfterMs).toBeGreaterThanOrEqual(1000 - slack);
        expect(refused.retryAfterMs).toBeLessThanOrEqual(1000);
        expect(refused.states).toEqual([
          expect.objectContaining({ scope: 'key:a', limitRequests: 60, remainingRequests: 0 }),
        ]);
      }
    });

    it('admits one more request per emission interval once retryAfterMs has passed', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const scopes = [{ id: 'key:a', requestsPerMinute: 120 }];
      await Promise.all(
        Array.from({ length: 120 }, () => limiter.admit(admission(partition, scopes))),
      );
      const refused = expectRefused(await limiter.admit(admission(partition, scopes)));
      expect(refused.retryAfterMs).toBeGreaterThanOrEqual(500 - slack);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(500);

      await harness.advance(refused.retryAfterMs);
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      const next = expectRefused(await limiter.admit(admission(partition, scopes)));
      expect(next.retryAfterMs).toBeGreaterThanOrEqual(500 - slack);
      expect(next.retryAfterMs).toBeLessThanOrEqual(500);
    });

    it('keeps partitions and scopes apart', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const scopes = [{ id: 'key:a', requestsPerMinute: 1 }];
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectRefused(await limiter.admit(admission(partition, scopes)));
      expectAdmitted(await limiter.admit(admission(uniquePartition(), scopes)));
      expectAdmitted(
        await limiter.admit(admission(partition, [{ id: 'key:b', requestsPerMinute: 1 }])),
      );
    });
  });
}
