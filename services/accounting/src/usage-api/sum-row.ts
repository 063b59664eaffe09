/** One group's sums as Postgres answers them (bigint and numeric as text). */
export interface SumRow {
  group: string | null;
  requests: string;
  errors: string;
  prompt_tokens: string;
  completion_tokens: string;
  cached_tokens: string;
  reasoning_tokens: string;
  cost_usd: string;
  latency_ms_total: string;
  ttft_ms_total: string;
  ttft_count: string;
}
