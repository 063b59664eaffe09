// biome-ignore-all lint/suspicious/noExplicitAny: migrations are typed against no schema (STYLE.md rule 14)
import { type Kysely, sql } from 'kysely';

// Frozen in time: never imports app code, never changes once released.

/**
 * `catalog.prices.cache_write_1h`: Anthropic's 1-hour cache-write rate (2× input against the
 * 5-minute write's 1.25×). Nullable: rows written before this, and routes without such a rate,
 * bill 1-hour writes at `cache_write`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const prices = db.schema.withSchema('catalog').alterTable('prices');
  await prices.addColumn('cache_write_1h', 'numeric').execute();
  await prices
    .addCheckConstraint('prices_cache_write_1h_non_negative_check', sql`cache_write_1h >= 0`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('catalog').alterTable('prices').dropColumn('cache_write_1h').execute();
}
