import { Counter, Gauge, type Registry } from 'prom-client';

/** The sync's numbers on `/metrics`; `source` is `config`, `openrouter` or `provider:<name>`. */
export interface CatalogSyncMetrics {
  runs: Counter<'status'>;
  modelsImported: Gauge<'source'>;
  modelsRejected: Gauge<'source'>;
  sourceFailures: Counter<'source'>;
  lastSuccess: Gauge;
  catalogModels: Gauge;
}

/** Registers the catalog sync metrics in `registry`. */
export function createCatalogSyncMetrics(registry: Registry): CatalogSyncMetrics {
  const registers = [registry];
  return {
    runs: new Counter({
      name: 'switchyard_catalog_sync_runs_total',
      help: 'Catalog sync runs by outcome (succeeded, partial, failed).',
      labelNames: ['status'],
      registers,
    }),
    modelsImported: new Gauge({
      name: 'switchyard_catalog_sync_models_imported',
      help: 'Models the last sync took from each source.',
      labelNames: ['source'],
      registers,
    }),
    modelsRejected: new Gauge({
      name: 'switchyard_catalog_sync_models_rejected',
      help: 'Entries the last sync rejected from each source (bad fields, absurd prices).',
      labelNames: ['source'],
      registers,
    }),
    sourceFailures: new Counter({
      name: 'switchyard_catalog_sync_source_failures_total',
      help: 'Times a source could not be read (its last good data was kept).',
      labelNames: ['source'],
      registers,
    }),
    lastSuccess: new Gauge({
      name: 'switchyard_catalog_sync_last_success_timestamp_seconds',
      help: 'Unix time of the last sync that published a catalog.',
      registers,
    }),
    catalogModels: new Gauge({
      name: 'switchyard_catalog_models',
      help: 'Models in the current catalog snapshot.',
      registers,
    }),
  };
}
