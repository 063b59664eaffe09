import type { Bus } from '@switchyard/bus';
import type { EncryptionKeyring, ModelConfig, ProviderConfig } from '@switchyard/config';
import type { JsonObject, Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { CatalogSyncMetrics } from './catalog-sync-metrics.js';
import { applyMergedCatalog } from './merge/apply-merged-catalog.js';
import { mergeCatalogSources } from './merge/merge-catalog-sources.js';
import { publishCatalog } from './publish/publish-catalog.js';
import { readCatalogSources } from './read-catalog-sources.js';
import { createSourceStateStore } from './source-state-store.js';
import type { SyncLogger } from './sync-logger.js';
import type { SyncReport } from './sync-report.js';

/** Everything a catalog sync needs; the standalone process passes these directly, no Redis. */
export interface CatalogSyncDeps {
  /** Schema `catalog` migrated (and `accounting`, for admin-key auth). */
  db: Kysely<Tables>;
  /** Where the snapshot is published (`catalog` KV bucket): NATS, or the in-process bus. */
  bus: Bus;
  /** The KV bucket; default `CATALOG_BUCKET` (tests use their own). */
  bucket?: string;
  /** libs/config's providers (with credentials) and models: the org's overrides. */
  config: { providers: readonly ProviderConfig[]; models: readonly ModelConfig[] };
  /** Used for every upstream call (inject a fake in tests). */
  fetch: typeof globalThis.fetch;
  /** OpenRouter-format list, e.g. `https://openrouter.ai/api/v1/models`; undefined skips it. */
  openRouterCatalogUrl: string | undefined;
  /** Deadline of each source request; default 15 s. */
  fetchTimeoutMs?: number;
  /** Opens stored credentials, for providers whose key is not in config. */
  keyring?: EncryptionKeyring;
  logger: SyncLogger;
  metrics?: CatalogSyncMetrics;
  now?: () => Date;
}

/** Which run this is and what started it. */
export interface RunCatalogSyncOptions {
  /** A `sync_runs` row made when the run was queued; a new row is made when absent. */
  runId?: string;
  /** `schedule`, `admin`, `timer`, `start`…; default `manual`. */
  trigger?: string;
  /**
   * Read the configuration alone, no OpenRouter or provider list (standalone with
   * `SWITCHYARD_CATALOG_SYNC=off`): its providers, models and prices into the tables, so what an
   * admin change publishes still holds them.
   */
  configOnly?: boolean;
}

/**
 * One catalog sync: reads every source (a failed one keeps its last good data), validates and
 * merges them with the config, writes models, routes and prices, stores a new catalog version
 * when anything changed and publishes the snapshot. Never throws: the report says what happened.
 */
export async function runCatalogSync(
  deps: CatalogSyncDeps,
  options: RunCatalogSyncOptions = {},
): Promise<SyncReport> {
  const now = deps.now ?? (() => new Date());
  const startedAt = now();
  const trigger = options.trigger ?? 'manual';
  const runId = await startRun(deps.db, options.runId, trigger, startedAt);
  const base = {
    run_id: runId,
    trigger,
    started_at: startedAt.toISOString(),
    catalog_version: null,
    changed: false,
    publish_error: null,
    error: null,
    sources: {},
    rejected: [],
    unroutable: 0,
    models: 0,
    routes: 0,
    retired: [],
    diff: null,
  };
  let result: SyncReport;
  try {
    const configOnly = options.configOnly === true;
    result = { ...base, ...(await syncAndPublish(deps, runId, startedAt, now, configOnly)) };
  } catch (error: unknown) {
    deps.logger.error({ err: error, runId }, 'catalog sync failed');
    result = {
      ...base,
      status: 'failed',
      finished_at: now().toISOString(),
      error: error instanceof Error ? error.message : String(error),
    };
  }
  recordMetrics(deps.metrics, result);
  await finishRun(deps.db, result);
  deps.logger.info(
    {
      runId,
      status: result.status,
      catalogVersion: result.catalog_version,
      changed: result.changed,
      models: result.models,
      rejected: result.rejected.length,
    },
    'catalog sync finished',
  );
  return result;
}

/** The work of a run: read, merge, apply, publish; the report fields it fills. */
async function syncAndPublish(
  deps: CatalogSyncDeps,
  runId: string,
  startedAt: Date,
  now: () => Date,
  configOnly: boolean,
): Promise<Omit<SyncReport, 'run_id' | 'trigger' | 'started_at' | 'error'>> {
  const read = await readCatalogSources({
    configOnly,
    db: deps.db,
    config: deps.config,
    fetch: deps.fetch,
    openRouterCatalogUrl: deps.openRouterCatalogUrl,
    fetchTimeoutMs: deps.fetchTimeoutMs ?? 15_000,
    keyring: deps.keyring,
    logger: deps.logger,
    states: createSourceStateStore(deps.db),
    now: startedAt,
  });
  const merged = mergeCatalogSources(read.sources);
  const applied = await deps.db
    .transaction()
    .execute((trx) => applyMergedCatalog(trx, merged, deps.config.providers, startedAt));
  const published = await publishCatalog(
    { db: deps.db, bus: deps.bus, now, ...(deps.bucket !== undefined && { bucket: deps.bucket }) },
    { sync_run_id: runId },
  );
  deps.metrics?.catalogModels.set(published.snapshot.models.length);
  const sourceFailed = Object.values(read.reports).some((source) => source.status === 'failed');
  return {
    status: sourceFailed || published.publishError !== undefined ? 'partial' : 'succeeded',
    finished_at: now().toISOString(),
    catalog_version: published.snapshot.catalog_version,
    changed: published.changed,
    publish_error: published.publishError ?? null,
    sources: read.reports,
    rejected: read.rejected.slice(0, 500),
    unroutable: merged.unroutable.length,
    models: applied.models,
    routes: applied.routes,
    retired: applied.retired,
    diff: published.diff ?? null,
  };
}

async function startRun(
  db: Kysely<Tables>,
  runId: string | undefined,
  trigger: string,
  at: Date,
): Promise<string> {
  if (runId !== undefined) {
    const updated = await db
      .updateTable('catalog.sync_runs')
      .set({ status: 'running', started_at: at })
      .where('id', '=', runId)
      .returning('id')
      .executeTakeFirst();
    if (updated !== undefined) return updated.id;
  }
  const row = await db
    .insertInto('catalog.sync_runs')
    .values({
      ...(runId !== undefined && { id: runId }),
      trigger,
      status: 'running',
      started_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function finishRun(db: Kysely<Tables>, report: SyncReport): Promise<void> {
  await db
    .updateTable('catalog.sync_runs')
    .set({
      status: report.status,
      catalog_version: report.catalog_version,
      report: JSON.parse(JSON.stringify(report)) as JsonObject,
      finished_at: report.finished_at,
    })
    .where('id', '=', report.run_id)
    .execute();
}

function recordMetrics(metrics: CatalogSyncMetrics | undefined, report: SyncReport): void {
  if (metrics === undefined) return;
  metrics.runs.inc({ status: report.status });
  for (const [label, source] of Object.entries(report.sources)) {
    metrics.modelsImported.set({ source: label }, source.status === 'ok' ? source.models : 0);
    metrics.modelsRejected.set({ source: label }, source.rejected);
    if (source.status === 'failed') metrics.sourceFailures.inc({ source: label });
  }
  if (report.status !== 'failed' && report.publish_error === null) {
    metrics.lastSuccess.set(Date.parse(report.finished_at) / 1000);
  }
}
