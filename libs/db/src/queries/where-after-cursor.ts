import { type SelectQueryBuilder, sql } from 'kysely';

/** Where a keyset page ended: the last row's timestamp (Postgres text, full precision) and id. */
export interface KeysetCursor {
  createdAt: string;
  id: string;
}

/**
 * Keyset pagination's one condition: rows strictly after `cursor` in `(column, idColumn)` order
 * (`created_at`, `id` unless named, e.g. `delivery.created_at` in a join), ascending by default or
 * descending (newest first). No cursor: the builder unchanged.
 */
export function whereAfterCursor<DB, TB extends keyof DB, O>(
  builder: SelectQueryBuilder<DB, TB, O>,
  cursor: KeysetCursor | undefined,
  options: { column?: string; idColumn?: string; order?: 'asc' | 'desc' } = {},
): SelectQueryBuilder<DB, TB, O> {
  if (cursor === undefined) return builder;
  const column = sql.ref(options.column ?? 'created_at');
  const id = sql.ref(options.idColumn ?? 'id');
  const comparison = options.order === 'desc' ? sql`<` : sql`>`;
  return builder.where(
    sql<boolean>`(${column}, ${id}) ${comparison} (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`,
  );
}
