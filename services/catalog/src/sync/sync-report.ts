import type { CatalogSyncRunStatus } from '@switchyard/db';
import type { CatalogDiff } from './publish/diff-catalog-models.js';

/** How one source fared in a sync run. */
export interface SourceReport {
  /** `ok`: read now; `failed`: unreadable, its last good data (if any) used; `skipped`: not configured. */
  status: 'ok' | 'failed' | 'skipped';
  /** Whose data the merge used: fresh, the last good data, or none. */
  used: 'fresh' | 'last_good' | 'none';
  error: string | null;
  models: number;
  rejected: number;
  last_success_at: string | null;
}

/** The report of one sync run, as stored in `sync_runs.report` and served by the admin API. */
export interface SyncReport {
  run_id: string;
  trigger: string;
  status: Exclude<CatalogSyncRunStatus, 'queued' | 'running'>;
  started_at: string;
  finished_at: string;
  catalog_version: string | null;
  changed: boolean;
  publish_error: string | null;
  error: string | null;
  sources: Record<string, SourceReport>;
  /** Entries rejected by validation, with the reason (first 500). */
  rejected: { source: string; id: string; reason: string }[];
  /** OpenRouter models no configured provider can serve (how many). */
  unroutable: number;
  models: number;
  routes: number;
  retired: string[];
  diff: CatalogDiff | null;
}
