import { parseUsd, toNanoUsd } from '@switchyard/contracts';
import { sumBudgetSpend, type Tables } from '@switchyard/db';
import { type BudgetLedger, type BudgetPeriod, currentBudget } from '@switchyard/limits';
import type { Kysely } from 'kysely';
import type { AccountingChange } from '../admin/accounting-change.js';

/** One budget owner as stored: a key (partitioned by its team) or a team. */
interface BudgetOwner {
  scope: 'key' | 'team';
  id: string;
  teamId: string;
  limitUsd: string;
  period: BudgetPeriod;
}

/**
 * Seeds or raises every budget's spend counter in Redis to what the ledger says was spent in its current
 * period (from the daily rollups), so a lost or flushed Redis cannot let spending restart from
 * zero. Counters are never lowered: spend still on its way to the ledger is counted there
 * already. With `only`, just that key's or team's budget. Returns how many budgets were checked.
 */
export async function reconcileBudgetCounters(
  db: Kysely<Tables>,
  ledger: BudgetLedger,
  nowMs: number,
  only?: Pick<AccountingChange, 'kind' | 'id'>,
): Promise<number> {
  const owners = await budgetOwners(db, only);
  for (const owner of owners) {
    const current = currentBudget(
      {
        scope: owner.scope,
        id: owner.id,
        period: owner.period,
        limitNanos: toNanoUsd(parseUsd(owner.limitUsd)),
      },
      nowMs,
    );
    const cost = await sumBudgetSpend(db, {
      scope: owner.scope,
      id: owner.id,
      sinceMs: current.periodStartMs,
    });
    await ledger.raiseSpent(owner.teamId, current.budget, toNanoUsd(parseUsd(cost)));
  }
  return owners.length;
}

async function budgetOwners(
  db: Kysely<Tables>,
  only: Pick<AccountingChange, 'kind' | 'id'> | undefined,
): Promise<BudgetOwner[]> {
  const [keys, teams] = await Promise.all([
    only?.kind === 'team'
      ? []
      : db
          .selectFrom('accounting.api_keys')
          .select(['id', 'team_id', 'budget_usd', 'budget_period'])
          .where('budget_usd', 'is not', null)
          .where('revoked_at', 'is', null)
          .$if(only !== undefined, (query) => query.where('id', '=', only?.id ?? ''))
          .execute(),
    only?.kind === 'key'
      ? []
      : db
          .selectFrom('accounting.teams')
          .select(['id', 'budget_usd', 'budget_period'])
          .where('budget_usd', 'is not', null)
          .where('deleted_at', 'is', null)
          .$if(only !== undefined, (query) => query.where('id', '=', only?.id ?? ''))
          .execute(),
  ]);
  const owners: BudgetOwner[] = [];
  for (const key of keys) {
    if (key.budget_usd === null || key.budget_period === null) continue;
    owners.push({
      scope: 'key',
      id: key.id,
      teamId: key.team_id,
      limitUsd: String(key.budget_usd),
      period: key.budget_period,
    });
  }
  for (const team of teams) {
    if (team.budget_usd === null || team.budget_period === null) continue;
    owners.push({
      scope: 'team',
      id: team.id,
      teamId: team.id,
      limitUsd: String(team.budget_usd),
      period: team.budget_period,
    });
  }
  return owners;
}
