// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: never imports app code, never changes once released.

const TABLES = ['teams', 'api_keys'] as const;

/** USD budgets per key and per team: a limit and its period (day, month, or in total). */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    const alter = () => db.schema.withSchema('accounting').alterTable(table);
    await alter()
      .addColumn('budget_usd', sql`numeric(20, 9)`)
      .addColumn('budget_period', 'text')
      .execute();
    await alter()
      .addCheckConstraint(
        `${table}_budget_check`,
        sql`(budget_usd is null and budget_period is null)
          or (budget_usd >= 0 and budget_period in ('day', 'month', 'total'))`,
      )
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    const alter = () => db.schema.withSchema('accounting').alterTable(table);
    await alter().dropConstraint(`${table}_budget_check`).execute();
    await alter().dropColumn('budget_usd').dropColumn('budget_period').execute();
  }
}
