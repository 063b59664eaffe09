/** The ledger's row count at a moment of a run, ms after the consumer was started. */
export interface RowSample {
  readonly ms: number;
  readonly rows: number;
}

/**
 * Rows per second between the first sample holding `from` of `total` rows and the first holding
 * `to` of them: the rate once the consumer is up, without its start and the last partial batch.
 * Undefined when the samples do not span two distinct such moments.
 */
export function steadyRate(
  samples: readonly RowSample[],
  total: number,
  from = 0.1,
  to = 0.9,
): number | undefined {
  const first = samples.find((sample) => sample.rows >= total * from);
  const last = samples.find((sample) => sample.rows >= total * to);
  if (first === undefined || last === undefined || last.ms <= first.ms) return undefined;
  return ((last.rows - first.rows) / (last.ms - first.ms)) * 1_000;
}
