/** How long a concurrency slot lives when its lease is never released: a dead gateway's slots. */
export const DEFAULT_SLOT_TTL_MS = 10 * 60_000;

/**
 * The slot TTL to use: `slotTtlMs` or the default. It must exceed the longest request (the
 * gateway's total timeout), or a slot expires while its request still runs.
 */
export function slotTtlMsOf(slotTtlMs: number | undefined): number {
  const ttl = slotTtlMs ?? DEFAULT_SLOT_TTL_MS;
  if (!Number.isSafeInteger(ttl) || ttl < 1) {
    throw new RangeError(`slotTtlMs must be a positive integer, got ${ttl}`);
  }
  return ttl;
}
