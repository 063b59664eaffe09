import type { NewRequestBodiesRow, NewUsageEventRow, Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';
import { LEDGER_COLUMNS, REQUEST_BODY_COLUMNS, toUnnestSelect } from './to-unnest-select.js';

/**
 * Writes ledger rows and their logged bodies in one statement: `INSERT … ON CONFLICT
 * (request_id) DO NOTHING RETURNING` feeds the daily rollup upsert and the request log insert,
 * so only rows actually inserted are counted or logged, and a redelivered event changes nothing.
 * One statement is one transaction: bodies are stored exactly when their ledger row is. Returns
 * how many ledger rows were new.
 */
export async function insertUsageEvents(
  db: Kysely<Tables>,
  rows: readonly NewUsageEventRow[],
  bodies: readonly NewRequestBodiesRow[] = [],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .with('inserted', (query) =>
      query
        .insertInto('accounting.usage_events')
        .columns(LEDGER_COLUMNS.map(([column]) => column))
        .expression(toUnnestSelect(LEDGER_COLUMNS, rows))
        .onConflict((conflict) => conflict.column('request_id').doNothing())
        .returning([
          'request_id',
          'finished_at',
          'team_id',
          'key_id',
          'model',
          'provider',
          'status',
          'prompt_tokens',
          'completion_tokens',
          'cached_tokens',
          'reasoning_tokens',
          'cost_usd',
          'latency_ms',
          'ttft_ms',
        ]),
    )
    .with('rolled_up', (query) =>
      query
        .insertInto('accounting.usage_daily')
        .columns([
          'day',
          'team_id',
          'key_id',
          'model',
          'provider',
          'requests',
          'errors',
          'prompt_tokens',
          'completion_tokens',
          'cached_tokens',
          'reasoning_tokens',
          'cost_usd',
          'latency_ms_total',
          'ttft_ms_total',
          'ttft_count',
        ])
        .expression((builder) =>
          builder
            .selectFrom('inserted')
            .select([
              sql<string>`(finished_at at time zone 'UTC')::date`.as('day'),
              'team_id',
              'key_id',
              'model',
              'provider',
              sql<string>`count(*)`.as('requests'),
              sql<string>`count(*) filter (where status >= 400)`.as('errors'),
              sql<string>`sum(prompt_tokens)`.as('prompt_tokens'),
              sql<string>`sum(completion_tokens)`.as('completion_tokens'),
              sql<string>`sum(cached_tokens)`.as('cached_tokens'),
              sql<string>`sum(reasoning_tokens)`.as('reasoning_tokens'),
              sql<string>`coalesce(sum(cost_usd), 0)`.as('cost_usd'),
              sql<string>`sum(latency_ms)`.as('latency_ms_total'),
              sql<string>`coalesce(sum(ttft_ms), 0)`.as('ttft_ms_total'),
              sql<string>`count(ttft_ms)`.as('ttft_count'),
            ])
            .groupBy([sql`1`, 'team_id', 'key_id', 'model', 'provider'])
            // One order for every writer, so concurrent replicas lock rollup rows alike.
            .orderBy(sql`1`)
            .orderBy('team_id')
            .orderBy('key_id')
            .orderBy('model')
            .orderBy('provider'),
        )
        .onConflict((conflict) =>
          conflict.constraint('usage_daily_group_key').doUpdateSet({
            requests: sql`usage_daily.requests + excluded.requests`,
            errors: sql`usage_daily.errors + excluded.errors`,
            prompt_tokens: sql`usage_daily.prompt_tokens + excluded.prompt_tokens`,
            completion_tokens: sql`usage_daily.completion_tokens + excluded.completion_tokens`,
            cached_tokens: sql`usage_daily.cached_tokens + excluded.cached_tokens`,
            reasoning_tokens: sql`usage_daily.reasoning_tokens + excluded.reasoning_tokens`,
            cost_usd: sql`usage_daily.cost_usd + excluded.cost_usd`,
            latency_ms_total: sql`usage_daily.latency_ms_total + excluded.latency_ms_total`,
            ttft_ms_total: sql`usage_daily.ttft_ms_total + excluded.ttft_ms_total`,
            ttft_count: sql`usage_daily.ttft_count + excluded.ttft_count`,
            updated_at: sql`now()`,
          }),
        )
        .returning(sql<number>`1`.as('one')),
    )
    .with('logged', (query) =>
      query
        .insertInto('accounting.request_bodies')
        .columns(REQUEST_BODY_COLUMNS.map(([column]) => column))
        .expression(
          sql`select * from (${toUnnestSelect(REQUEST_BODY_COLUMNS, bodies)}) as body
            where body.request_id in (select request_id from inserted)`,
        )
        // Only a row whose ledger row was new gets here; the conflict clause is a second guard.
        .onConflict((conflict) => conflict.column('request_id').doNothing())
        .returning(sql<number>`1`.as('one')),
    )
    .selectFrom('inserted')
    .select(sql<string>`count(*)`.as('inserted'))
    .executeTakeFirstOrThrow();
  return Number(result.inserted);
}
