/**
 * The nearest-rank percentile of an ascending array: the smallest value with at least `p`% of
 * the values at or below it. No interpolation: every reported value was really measured.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no values');
  const rank = Math.ceil((p / 100) * sorted.length);
  const value = sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
  if (value === undefined) throw new Error('percentile out of range');
  return value;
}
