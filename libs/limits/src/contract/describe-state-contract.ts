import { describe, expect, it } from 'vitest';
import {
  admission,
  expectAdmitted,
  type RateLimiterContractHarness,
  uniquePartition,
} from './contract-harness.js';

/** States: OpenAI's limit / remaining / time until full, read without charging. */
export function describeStateContract(harness: RateLimiterContractHarness): void {
  const slack = harness.clockSlackMs;
  const scope = { id: 'key:a', requestsPerMinute: 60, tokensPerMinute: 6_000, maxConcurrent: 4 };

  describe('state', () => {
    it('reports an unused scope as full', async () => {
      const limiter = await harness.createLimiter();
      expect(await limiter.state(uniquePartition(), [scope])).toEqual([
        {
          scope: 'key:a',
          limitRequests: 60,
          remainingRequests: 60,
          resetRequestsMs: 0,
          limitTokens: 6_000,
          remainingTokens: 6_000,
          resetTokensMs: 0,
          limitConcurrent: 4,
          remainingConcurrent: 4,
        },
      ]);
    });

    it('reports what remains and the time until full, and charges nothing', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const admitted = expectAdmitted(await limiter.admit(admission(partition, [scope], 600)));
      const [after] = admitted.states;
      expect(after).toMatchObject({ remainingRequests: 59, remainingTokens: 5_400 });
      expect(after?.remainingConcurrent).toBe(3);
      expect(after?.resetRequestsMs).toBe(1_000);
      expect(after?.resetTokensMs).toBe(6_000);

      for (let read = 0; read < 3; read++) {
        const [state] = await limiter.state(partition, [scope]);
        expect(state?.remainingRequests).toBe(59);
        expect(state?.remainingTokens).toBeLessThanOrEqual(5_400 + slack / 10);
        expect(state?.remainingConcurrent).toBe(3);
        expect(state?.resetRequestsMs).toBeGreaterThanOrEqual(1_000 - slack);
        expect(state?.resetRequestsMs).toBeLessThanOrEqual(1_000);
        expect(state?.resetTokensMs).toBeGreaterThanOrEqual(6_000 - slack);
        expect(state?.resetTokensMs).toBeLessThanOrEqual(6_000);
      }
    });

    it('rejects limits that are not positive integers', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      for (const bad of [0, -1, 2.5, Number.POSITIVE_INFINITY]) {
        const scopes = [{ id: 'key:a', requestsPerMinute: bad }];
        await expect(limiter.admit(admission(partition, scopes))).rejects.toThrow(RangeError);
        await expect(limiter.state(partition, scopes)).rejects.toThrow(RangeError);
      }
    });
  });
}
