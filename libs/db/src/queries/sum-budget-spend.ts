import { type Kysely, sql } from 'kysely';
import type { Tables } from '../tables/tables.js';

/**
 * What a key or a team has spent since `sinceMs` (a budget period's start, a UTC midnight), as
 * the daily rollups record it: a decimal USD string, '0' when nothing was spent. The figure
 * budget counters are seeded and reconciled from; read-only.
 */
export async function sumBudgetSpend(
  db: Kysely<Tables>,
  owner: { scope: 'key' | 'team'; id: string; sinceMs: number },
): Promise<string> {
  const since = new Date(owner.sinceMs).toISOString().slice(0, 10);
  const row = await db
    .selectFrom('accounting.usage_daily')
    .select(sql<string | null>`sum(cost_usd)::text`.as('cost'))
    .where(owner.scope === 'key' ? 'key_id' : 'team_id', '=', owner.id)
    .where('day', '>=', since)
    .executeTakeFirst();
  return row?.cost ?? '0';
}
