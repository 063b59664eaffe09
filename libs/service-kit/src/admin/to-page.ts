import type { Page } from '@switchyard/contracts';
import { encodePageCursor } from './page-cursor.js';

/**
 * A page from rows fetched with `limit + 1`: the extra row only says another page exists, and the
 * last row shown is where the next one starts.
 */
export function toPage<Row extends { id: string; cursor_created_at: string }, T>(
  rows: readonly Row[],
  limit: number,
  toJson: (row: Row) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  const next_cursor =
    rows.length > limit && last !== undefined
      ? encodePageCursor({ createdAt: last.cursor_created_at, id: last.id })
      : null;
  return { object: 'list', data: shown.map(toJson), next_cursor };
}
