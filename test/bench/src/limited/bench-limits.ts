/** The rate limits the `switchyard-limited` key, its team and its bench-model entry carry. */
export interface BenchLimits {
  /** Requests per minute. */
  readonly rpm: number;
  /** Tokens per minute. */
  readonly tpm: number;
  /** Requests in flight at once. */
  readonly max_concurrent: number;
}

/**
 * Limits no bench run comes near, so every request is admitted after the full check. The TPM is
 * 2·10⁹ rather than 10¹⁰: accounting stores limits in Postgres `integer` columns (≤ 2³¹ − 1).
 */
export const BENCH_LIMITS: BenchLimits = {
  rpm: 10_000_000,
  tpm: 2_000_000_000,
  max_concurrent: 10_000,
};
