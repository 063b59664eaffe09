import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  Defaulted,
  DefaultedTimestamp,
  GeneratedId,
  NullableColumn,
  NullableTimestamp,
} from './column-types.js';
import type { JsonObject } from './json-value.js';

/** How a sync run went: every source fine, some failed (kept their last good data), or none. */
export type CatalogSyncRunStatus = 'queued' | 'running' | 'succeeded' | 'partial' | 'failed';

/** `catalog.sync_runs`: one catalog sync, its trigger, outcome and report. */
export interface CatalogSyncRunsTable {
  id: GeneratedId;
  trigger: string;
  status: CatalogSyncRunStatus;
  catalog_version: NullableColumn<string>;
  report: Defaulted<JsonObject>;
  created_at: DefaultedTimestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

/** A sync run row as read. */
export type CatalogSyncRun = Selectable<CatalogSyncRunsTable>;
/** A sync run row to insert. */
export type NewCatalogSyncRun = Insertable<CatalogSyncRunsTable>;
/** Changes to a sync run row. */
export type CatalogSyncRunUpdate = Updateable<CatalogSyncRunsTable>;
