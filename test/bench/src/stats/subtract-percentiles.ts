import type { AddedLatency } from './compare-targets.js';

/** `of`'s p50 and p99 minus `to`'s, ms; undefined when either was not measured. */
export function subtractPercentiles(
  of: { readonly p50: number; readonly p99: number } | undefined,
  to: { readonly p50: number; readonly p99: number } | undefined,
): AddedLatency | undefined {
  if (of === undefined || to === undefined) return undefined;
  return { p50: of.p50 - to.p50, p99: of.p99 - to.p99 };
}
