import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Budget, BudgetLedger, BudgetReservationRequest } from './budget-ledger.js';

const DAY_MS = 86_400_000;

function budget(limitNanos: bigint, id = `key:${randomUUID()}:total`): Budget {
  return { id, limitNanos, expiresAtMs: Date.now() + DAY_MS };
}

function request(
  budgets: Budget[],
  overrides: Partial<BudgetReservationRequest> = {},
): BudgetReservationRequest {
  return {
    partition: randomUUID(),
    budgets,
    fixedNanos: 1_000,
    perTokenNanos: 100,
    maxTokens: 100,
    minTokens: 10,
    leaseId: randomUUID(),
    ttlMs: 60_000,
    ...overrides,
  };
}

/** Seeds each budget's counter at zero spent, as the gateway does from an empty ledger. */
async function seeded(ledger: BudgetLedger, partition: string, budgets: Budget[]): Promise<void> {
  for (const entry of budgets) await ledger.raiseSpent(partition, entry, 0n);
}

/**
 * What every {@link BudgetLedger} does, run against the in-memory and the Redis ledger. For
 * tests only: not exported from the package.
 */
export function describeBudgetLedgerContract(name: string, makeLedger: () => BudgetLedger): void {
  describe(`${name} (budget ledger contract)`, () => {
    it('grants the full request when it fits and holds its maximum cost', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const limit = budget(1_000_000n);
      await seeded(ledger, partition, [limit]);
      const result = await ledger.reserve(request([limit], { partition }));
      expect(result).toMatchObject({ granted: true, tokens: 100 });
      expect(await ledger.state(partition, [limit])).toEqual([
        {
          id: limit.id,
          limitNanos: 1_000_000n,
          spentNanos: 0n,
          reservedNanos: 11_000n,
          known: true,
        },
      ]);
    });

    it('clamps tokens to what the tightest budget affords, and refuses below the minimum', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const loose = budget(1_000_000n);
      const tight = budget(6_000n);
      await seeded(ledger, partition, [loose, tight]);
      const clamped = await ledger.reserve(request([loose, tight], { partition }));
      expect(clamped).toMatchObject({ granted: true, tokens: 50 });
      const refused = await ledger.reserve(request([loose, tight], { partition }));
      expect(refused).toMatchObject({ granted: false, limitedBy: tight.id, reason: 'reserved' });
    });

    it('settles to the actual cost: reserved becomes spent, and spent budgets refuse', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const limit = budget(20_000n);
      await seeded(ledger, partition, [limit]);
      const first = await ledger.reserve(request([limit], { partition }));
      if (!first.granted) throw new Error('expected a grant');
      await ledger.settle(first.hold, 15_000);
      expect(await ledger.state(partition, [limit])).toEqual([
        { id: limit.id, limitNanos: 20_000n, spentNanos: 15_000n, reservedNanos: 0n, known: true },
      ]);
      const second = await ledger.reserve(request([limit], { partition }));
      expect(second).toMatchObject({ granted: true, tokens: 40 });
      if (second.granted) await ledger.settle(second.hold, 5_000);
      expect(await ledger.reserve(request([limit], { partition }))).toMatchObject({
        granted: false,
        reason: 'spent',
      });
    });

    it('never over-commits under concurrent reservations', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const limit = budget(110_000n);
      await seeded(ledger, partition, [limit]);
      const results = await Promise.all(
        Array.from({ length: 50 }, () => ledger.reserve(request([limit], { partition }))),
      );
      expect(results.filter((result) => result.granted)).toHaveLength(10);
    });

    it('drops reservations whose TTL ran out', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const limit = budget(11_000n);
      await seeded(ledger, partition, [limit]);
      expect((await ledger.reserve(request([limit], { partition, ttlMs: 50 }))).granted).toBe(true);
      expect((await ledger.reserve(request([limit], { partition }))).granted).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await ledger.reserve(request([limit], { partition }))).granted).toBe(true);
    });

    it('raises spent from the ledger but never lowers it', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const limit = budget(100_000n);
      await ledger.raiseSpent(partition, limit, 40_000n);
      await ledger.raiseSpent(partition, limit, 10_000n);
      expect((await ledger.state(partition, [limit]))[0]?.spentNanos).toBe(40_000n);
    });

    it('takes a counter never seeded for unknown, not zero, and reserves nothing on it', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const known = budget(1_000_000n);
      const missing = budget(1_000_000n);
      await seeded(ledger, partition, [known]);
      const result = await ledger.reserve(request([known, missing], { partition }));
      expect(result).toEqual({ granted: false, reason: 'unknown', unknown: [missing.id] });
      expect(await ledger.state(partition, [known, missing])).toEqual([
        { id: known.id, limitNanos: 1_000_000n, spentNanos: 0n, reservedNanos: 0n, known: true },
        {
          id: missing.id,
          limitNanos: 1_000_000n,
          spentNanos: 0n,
          reservedNanos: 0n,
          known: false,
        },
      ]);
    });

    it('seeds an unknown counter from the ledger, then admits against that spend', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const limit = budget(50_000n);
      await ledger.raiseSpent(partition, limit, 49_500n);
      expect(await ledger.reserve(request([limit], { partition }))).toMatchObject({
        granted: false,
        reason: 'spent',
      });
    });

    it('leaves an unknown counter unknown when a hold from before it was lost settles', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      const limit = budget(50_000n);
      await ledger.settle(
        {
          partition,
          leaseId: randomUUID(),
          budgets: [limit],
          amountNanos: 11_000,
          degraded: false,
        },
        5_000,
      );
      expect((await ledger.state(partition, [limit]))[0]).toMatchObject({ known: false });
    });

    it('keeps budgets far past $9M exact to the nano-USD', async () => {
      const ledger = makeLedger();
      const partition = randomUUID();
      // $99,999,999,999.123456789: 10^20 nano-USD, past both 2^53 and the 64-bit counters' range.
      const limit = budget(99_999_999_999_123_456_789n);
      const spent = 9_000_000_000_000_000_001n;
      await ledger.raiseSpent(partition, limit, spent);
      const granted = await ledger.reserve(request([limit], { partition }));
      expect(granted).toMatchObject({ granted: true, tokens: 100 });
      expect(await ledger.state(partition, [limit])).toEqual([
        {
          id: limit.id,
          limitNanos: limit.limitNanos,
          spentNanos: spent,
          reservedNanos: 11_000n,
          known: true,
        },
      ]);
    });
  });
}
