import type { ColumnType, Selectable } from 'kysely';
import type { NullableColumn, NullableTimestamp } from './column-types.js';
import type { JsonValue } from './json-value.js';

/** `catalog.source_states`: each sync source's last good data, so a failing source keeps it. */
export interface CatalogSourceStatesTable {
  source: string;
  data: NullableColumn<JsonValue>;
  last_success_at: NullableTimestamp;
  last_attempt_at: ColumnType<Date, Date | string, Date | string>;
  last_error: NullableColumn<string>;
}

/** A source state row as read. */
export type CatalogSourceState = Selectable<CatalogSourceStatesTable>;
