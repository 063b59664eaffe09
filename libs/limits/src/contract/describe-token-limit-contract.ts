import { describe, expect, it } from 'vitest';
import {
  admission,
  expectAdmitted,
  expectRefused,
  type RateLimiterContractHarness,
  uniquePartition,
} from './contract-harness.js';

/** TPM: reserve at admission, refuse when spent, recover with time and refunds. */
export function describeTokenLimitContract(harness: RateLimiterContractHarness): void {
  // 60,000 TPM refills one token per ms, so a real clock's slack is as many tokens.
  const slack = harness.clockSlackMs;
  const tpm = { id: 'key:a', tokensPerMinute: 60_000 };

  describe('tokens per minute', () => {
    it('refuses once the reserved tokens are spent, and a refund makes room', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const first = expectAdmitted(await limiter.admit(admission(partition, [tpm], 50_000)));
      expect(first.states).toEqual([
        { scope: 'key:a', limitTokens: 60_000, remainingTokens: 10_000, resetTokensMs: 50_000 },
      ]);

      const refused = expectRefused(await limiter.admit(admission(partition, [tpm], 20_000)));
      expect(refused.limitedBy).toEqual({ scope: 'key:a', limit: 'tokens' });
      expect(refused.tooLarge).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThanOrEqual(10_000 - slack);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
      expect(refused.states[0]?.remainingTokens).toBeGreaterThanOrEqual(10_000);
      expect(refused.states[0]?.remainingTokens).toBeLessThanOrEqual(10_000 + slack);

      await limiter.reconcile(first.lease, 30_000);
      const second = expectAdmitted(await limiter.admit(admission(partition, [tpm], 20_000)));
      expect(second.states[0]?.remainingTokens).toBeGreaterThanOrEqual(10_000);
      expect(second.states[0]?.remainingTokens).toBeLessThanOrEqual(10_000 + slack);
    });

    it('admits again as the window moves', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      expectAdmitted(await limiter.admit(admission(partition, [tpm], 60_000)));
      const refused = expectRefused(await limiter.admit(admission(partition, [tpm], 300)));
      expect(refused.retryAfterMs).toBeGreaterThanOrEqual(300 - slack);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(300);

      await harness.advance(refused.retryAfterMs);
      expectAdmitted(await limiter.admit(admission(partition, [tpm], 300)));
    });

    it('replaces the reservation by the actual usage, again on each reconcile', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const { lease } = expectAdmitted(await limiter.admit(admission(partition, [tpm], 1_000)));
      const remaining = async (): Promise<number> =>
        (await limiter.state(partition, [tpm]))[0]?.remainingTokens ?? Number.NaN;

      await limiter.reconcile(lease, 5_000);
      expect(await remaining()).toBeGreaterThanOrEqual(55_000);
      expect(await remaining()).toBeLessThanOrEqual(55_000 + slack);

      await limiter.reconcile(lease, 2_000);
      expect(await remaining()).toBeGreaterThanOrEqual(58_000);
      expect(await remaining()).toBeLessThanOrEqual(58_000 + slack);

      await limiter.reconcile(lease, 0);
      expect(await remaining()).toBe(60_000);
    });

    it('refuses a request larger than the limit as too large, charging nothing', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const scope = { id: 'key:a', requestsPerMinute: 5, tokensPerMinute: 1_000 };
      const refused = expectRefused(await limiter.admit(admission(partition, [scope], 1_001)));
      expect(refused).toMatchObject({
        limitedBy: { scope: 'key:a', limit: 'tokens' },
        tooLarge: true,
      });
      expect(await limiter.state(partition, [scope])).toEqual([
        expect.objectContaining({ remainingRequests: 5, remainingTokens: 1_000 }),
      ]);
      expectAdmitted(await limiter.admit(admission(partition, [scope], 1_000)));
    });

    it('rejects token counts that are not non-negative integers', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      await expect(limiter.admit(admission(partition, [tpm], -1))).rejects.toThrow(RangeError);
      await expect(limiter.admit(admission(partition, [tpm], 1.5))).rejects.toThrow(RangeError);
      const { lease } = expectAdmitted(await limiter.admit(admission(partition, [tpm], 10)));
      await expect(limiter.reconcile(lease, Number.NaN)).rejects.toThrow(RangeError);
    });
  });
}
