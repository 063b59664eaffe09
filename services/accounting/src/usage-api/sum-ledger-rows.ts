import type { UsageSummaryQuery } from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { SumRow } from './sum-row.js';

/** Each grouping as a ledger expression (`tag` is the lateral join's column). */
const groupExpressions = {
  day: sql`(event.finished_at at time zone 'UTC')::date::text`,
  team: sql`event.team_id::text`,
  key: sql`event.key_id::text`,
  model: sql`event.model`,
  provider: sql`event.provider`,
  end_user: sql`event.end_user`,
  tag: sql`tag.value`,
} as const;

/**
 * The summary's sums straight from the ledger, for what the daily rollups cannot answer: end
 * users and tags. One row per group, or one row of totals with `group_by` null. A request with
 * several tags counts once in each of its tags' groups; untagged requests form the null group.
 */
export async function sumLedgerRows(
  db: Kysely<Tables>,
  query: UsageSummaryQuery,
  range: { from: string; to: string },
  teamId: string | undefined,
  groupBy: UsageSummaryQuery['group_by'] | null,
): Promise<SumRow[]> {
  const conditions: RawBuilder<unknown>[] = [
    sql`event.finished_at >= ${`${range.from}T00:00:00Z`}::timestamptz`,
    sql`event.finished_at < (${range.to}::date + 1)::timestamp at time zone 'UTC'`,
  ];
  if (teamId !== undefined) conditions.push(sql`event.team_id = ${teamId}`);
  if (query.key_id !== undefined) conditions.push(sql`event.key_id = ${query.key_id}`);
  if (query.model !== undefined) conditions.push(sql`event.model = ${query.model}`);
  if (query.provider !== undefined) conditions.push(sql`event.provider = ${query.provider}`);
  if (query.end_user !== undefined) conditions.push(sql`event.end_user = ${query.end_user}`);
  if (query.tag !== undefined) {
    conditions.push(sql`event.tags @> ${JSON.stringify([query.tag])}::jsonb`);
  }
  const group = groupBy === null ? sql`null::text` : groupExpressions[groupBy];
  const tagJoin =
    groupBy === 'tag'
      ? sql`left join lateral jsonb_array_elements_text(event.tags) as tag(value) on true`
      : sql``;
  const result = await sql<SumRow>`
    select ${group} as "group",
      count(*)::text as requests,
      (count(*) filter (where event.status >= 400))::text as errors,
      coalesce(sum(event.prompt_tokens), 0)::text as prompt_tokens,
      coalesce(sum(event.completion_tokens), 0)::text as completion_tokens,
      coalesce(sum(event.cached_tokens), 0)::text as cached_tokens,
      coalesce(sum(event.reasoning_tokens), 0)::text as reasoning_tokens,
      coalesce(sum(event.cost_usd), 0)::text as cost_usd,
      coalesce(sum(event.latency_ms), 0)::text as latency_ms_total,
      coalesce(sum(event.ttft_ms), 0)::text as ttft_ms_total,
      count(event.ttft_ms)::text as ttft_count
    from accounting.usage_events as event ${tagJoin}
    where ${sql.join(conditions, sql` and `)}
    group by 1
    order by 1 nulls last`.execute(db);
  return result.rows;
}
