import { describe, expect, it } from 'vitest';
import {
  admission,
  expectAdmitted,
  expectRefused,
  type RateLimiterContractHarness,
  sleep,
  uniquePartition,
} from './contract-harness.js';

/** Concurrency: a cap on leases held at once, freed by release or by the slot TTL. */
export function describeConcurrencyContract(harness: RateLimiterContractHarness): void {
  describe('concurrent requests', () => {
    it('never lets more than maxConcurrent leases run at once, and frees them all', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const scopes = [{ id: 'key:a', maxConcurrent: 3 }];
      let active = 0;
      let peak = 0;
      let refusals = 0;
      const runOnce = async (): Promise<void> => {
        for (;;) {
          const result = await limiter.admit(admission(partition, scopes));
          if (!result.admitted) {
            refusals++;
            await sleep(2);
            continue;
          }
          active++;
          peak = Math.max(peak, active);
          await sleep(10);
          active--;
          await limiter.release(result.lease);
          return;
        }
      };
      await Promise.all(Array.from({ length: 10 }, runOnce));
      expect(peak).toBe(3);
      expect(refusals).toBeGreaterThan(0);
      expect(await limiter.state(partition, scopes)).toEqual([
        { scope: 'key:a', limitConcurrent: 3, remainingConcurrent: 3 },
      ]);
    });

    it('finish releases the slot and reconciles tokens in one step', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const scopes = [{ id: 'key:a', maxConcurrent: 1, tokensPerMinute: 1_000 }];
      const first = expectAdmitted(await limiter.admit(admission(partition, scopes, 900)));
      expectRefused(await limiter.admit(admission(partition, scopes, 50)));
      await limiter.finish(first.lease, 100);
      await limiter.finish(first.lease, 100);
      const second = expectAdmitted(await limiter.admit(admission(partition, scopes, 800)));
      await limiter.finish(second.lease, undefined);
      expect((await limiter.state(partition, scopes))[0]).toMatchObject({
        remainingConcurrent: 1,
      });
      expect((await limiter.state(partition, scopes))[0]?.remainingTokens).toBeLessThanOrEqual(100);
    });

    it('frees a slot once however often the lease is released', async () => {
      const limiter = await harness.createLimiter();
      const partition = uniquePartition();
      const scopes = [{ id: 'key:a', maxConcurrent: 2 }];
      const first = expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectRefused(await limiter.admit(admission(partition, scopes)));

      await limiter.release(first.lease);
      await limiter.release(first.lease);
      await Promise.all([limiter.release(first.lease), limiter.release(first.lease)]);
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectRefused(await limiter.admit(admission(partition, scopes)));
      expect((await limiter.state(partition, scopes))[0]?.remainingConcurrent).toBe(0);
    });

    it('expires the slots of a lease never released after slotTtlMs', async () => {
      const limiter = await harness.createLimiter({ slotTtlMs: 200 });
      const partition = uniquePartition();
      const scopes = [{ id: 'key:a', maxConcurrent: 2 }];
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectRefused(await limiter.admit(admission(partition, scopes)));

      await harness.advance(250);
      expect((await limiter.state(partition, scopes))[0]?.remainingConcurrent).toBe(2);
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectAdmitted(await limiter.admit(admission(partition, scopes)));
      expectRefused(await limiter.admit(admission(partition, scopes)));
    });

    it('releases and reconciles leases without limits as no-ops', async () => {
      const limiter = await harness.createLimiter();
      const result = expectAdmitted(await limiter.admit(admission(uniquePartition(), [], 10)));
      expect(result.states).toEqual([]);
      await limiter.reconcile(result.lease, 20);
      await limiter.release(result.lease);
    });
  });
}
