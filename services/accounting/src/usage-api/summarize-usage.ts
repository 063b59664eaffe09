import type { UsageGroupBy, UsageSummaryQuery } from '@switchyard/contracts';
import { formatUsd, parseUsd, sumUsd } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';
import { sumLedgerRows } from './sum-ledger-rows.js';
import type { SumRow } from './sum-row.js';

/** Totals of one group (or of all of them). */
export interface UsageTotals {
  requests: number;
  errors: number;
  /** Share of requests with status < 400; null without requests. */
  success_rate: number | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  total_tokens: number;
  /** Exact USD as a decimal string. */
  cost_usd: string;
  avg_latency_ms: number | null;
  avg_ttft_ms: number | null;
}

/** `GET /admin/v1/usage/summary`'s body. */
export interface UsageSummary {
  object: 'usage_summary';
  group_by: UsageGroupBy;
  from: string;
  to: string;
  data: Array<UsageTotals & { group: string | null }>;
  totals: UsageTotals;
}

const groupColumns = {
  day: 'day',
  team: 'team_id',
  key: 'key_id',
  model: 'model',
  provider: 'provider',
} as const;

/**
 * Sums the daily rollups over `from`..`to` (UTC days, inclusive) by one dimension; by end user or
 * tag (or filtered by one) it sums the ledger instead, which alone holds those.
 */
export async function summarizeUsage(
  db: Kysely<Tables>,
  query: UsageSummaryQuery,
  teamId: string | undefined,
  today: Date = new Date(),
): Promise<UsageSummary> {
  const to = query.to ?? today.toISOString().slice(0, 10);
  const from = query.from ?? thirtyDaysThrough(to);
  const groupBy = query.group_by;
  if (
    groupBy === 'end_user' ||
    groupBy === 'tag' ||
    query.end_user !== undefined ||
    query.tag !== undefined
  ) {
    const rows = await sumLedgerRows(db, query, { from, to }, teamId, groupBy);
    // Totals count each request once, however many tags it has.
    const totals =
      groupBy === 'tag' ? await sumLedgerRows(db, query, { from, to }, teamId, null) : rows;
    return {
      object: 'usage_summary',
      group_by: groupBy,
      from,
      to,
      data: rows.map((row) => ({ group: row.group, ...toTotals([row]) })),
      totals: toTotals(totals),
    };
  }
  const column = sql.ref(groupColumns[groupBy]);
  const rows: SumRow[] = await db
    .selectFrom('accounting.usage_daily')
    .select([
      sql<string | null>`${column}::text`.as('group'),
      sql<string>`sum(requests)`.as('requests'),
      sql<string>`sum(errors)`.as('errors'),
      sql<string>`sum(prompt_tokens)`.as('prompt_tokens'),
      sql<string>`sum(completion_tokens)`.as('completion_tokens'),
      sql<string>`sum(cached_tokens)`.as('cached_tokens'),
      sql<string>`sum(reasoning_tokens)`.as('reasoning_tokens'),
      sql<string>`sum(cost_usd)::text`.as('cost_usd'),
      sql<string>`sum(latency_ms_total)`.as('latency_ms_total'),
      sql<string>`sum(ttft_ms_total)`.as('ttft_ms_total'),
      sql<string>`sum(ttft_count)`.as('ttft_count'),
    ])
    .where('day', '>=', sql<string>`${from}::date`)
    .where('day', '<=', sql<string>`${to}::date`)
    .$if(teamId !== undefined, (builder) => builder.where('team_id', '=', teamId ?? ''))
    .$if(query.key_id !== undefined, (builder) => builder.where('key_id', '=', query.key_id ?? ''))
    .$if(query.model !== undefined, (builder) => builder.where('model', '=', query.model ?? ''))
    .$if(query.provider !== undefined, (builder) =>
      builder.where('provider', '=', query.provider ?? ''),
    )
    .groupBy(column)
    .orderBy(column)
    .execute();
  const data = rows.map((row) => ({ group: row.group, ...toTotals([row]) }));
  return {
    object: 'usage_summary',
    group_by: query.group_by,
    from,
    to,
    data,
    totals: toTotals(rows),
  };
}

function toTotals(rows: readonly SumRow[]): UsageTotals {
  const sum = (field: Exclude<keyof SumRow, 'group' | 'cost_usd'>): number =>
    Number(rows.reduce((total, row) => total + BigInt(row[field]), 0n));
  const requests = sum('requests');
  const errors = sum('errors');
  const ttftCount = sum('ttft_count');
  const tokens = {
    prompt_tokens: sum('prompt_tokens'),
    completion_tokens: sum('completion_tokens'),
    cached_tokens: sum('cached_tokens'),
    reasoning_tokens: sum('reasoning_tokens'),
  };
  return {
    requests,
    errors,
    success_rate: requests === 0 ? null : round((requests - errors) / requests, 4),
    ...tokens,
    total_tokens: tokens.prompt_tokens + tokens.completion_tokens,
    cost_usd: formatUsd(sumUsd(rows.map((row) => parseUsd(row.cost_usd)))),
    avg_latency_ms: requests === 0 ? null : round(sum('latency_ms_total') / requests, 1),
    avg_ttft_ms: ttftCount === 0 ? null : round(sum('ttft_ms_total') / ttftCount, 1),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The first of the 30 UTC days ending on `to`, never before year 1 (Postgres has no year 0). */
function thirtyDaysThrough(to: string): string {
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
  return from < FIRST_DAY ? FIRST_DAY : from;
}

const FIRST_DAY = '0001-01-01';
