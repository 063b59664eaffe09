/**
 * One young-generation collection as the gc probe reports it: bytes in the young generation
 * before it, bytes left there after it, and bytes it promoted into the old generation.
 */
export type YoungCollection = readonly [youngBefore: number, youngAfter: number, promoted: number];

/** How much of what the young generation held survived its collections, over a measurement. */
export interface YoungGenerationSurvival {
  readonly collections: number;
  /** Σ young-generation bytes before each collection. */
  readonly youngBytes: number;
  /** Σ bytes that survived (stayed young or were promoted). */
  readonly survivedBytes: number;
  /** survivedBytes ÷ youngBytes × 100; undefined without a collection. */
  readonly percent: number | undefined;
}

/**
 * Sums the collections of one measurement: survival is weighted by bytes, so a scavenge of a
 * full young generation counts more than one forced early (V8's own `semi_space_copy_rate` +
 * `promotion_rate`, over the whole window).
 */
export function summarizeSurvival(
  collections: readonly YoungCollection[],
): YoungGenerationSurvival {
  let youngBytes = 0;
  let survivedBytes = 0;
  for (const [before, after, promoted] of collections) {
    youngBytes += before;
    survivedBytes += after + promoted;
  }
  return {
    collections: collections.length,
    youngBytes,
    survivedBytes,
    percent: youngBytes === 0 ? undefined : (survivedBytes / youngBytes) * 100,
  };
}
