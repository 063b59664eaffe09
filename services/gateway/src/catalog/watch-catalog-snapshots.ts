import { type Bus, CATALOG_BUCKET, type KeyValueWatch } from '@switchyard/bus';
import { CATALOG_SNAPSHOT_KEY, decodeCatalogSnapshot } from '@switchyard/contracts';
import type { FastifyBaseLogger } from 'fastify';
import { Gauge, type Registry } from 'prom-client';
import { catalogFromSnapshot } from './catalog-from-snapshot.js';
import type { SwappableCatalog } from './create-swappable-catalog.js';
import type { Provider } from './model-catalog.js';

/**
 * Follows the catalog snapshot in the NATS KV bucket: the current one at start (so a gateway
 * starts from the last published catalog even while the catalog service is down), then every
 * newer one, swapped in as it arrives. A snapshot that does not parse is logged and skipped:
 * the gateway keeps serving the catalog it has.
 */
export async function watchCatalogSnapshots(options: {
  bus: Bus;
  catalog: SwappableCatalog;
  providers: ReadonlyMap<string, Provider>;
  logger: FastifyBaseLogger;
  registry: Registry;
}): Promise<KeyValueWatch> {
  const { catalog, logger } = options;
  const loadedAt = new Gauge({
    name: 'switchyard_catalog_snapshot_loaded_timestamp_seconds',
    help: 'When this gateway swapped in the catalog snapshot it serves (0: the configuration).',
    registers: [options.registry],
  });
  const models = new Gauge({
    name: 'switchyard_catalog_models',
    help: 'Models this gateway serves from its current catalog.',
    registers: [options.registry],
  });
  models.set(catalog.list().length);
  const bucket = await options.bus.kv(CATALOG_BUCKET);
  return bucket.watch(CATALOG_SNAPSHOT_KEY, (entry) => {
    if (entry.value === undefined) return;
    let snapshot: ReturnType<typeof decodeCatalogSnapshot>;
    try {
      snapshot = decodeCatalogSnapshot(entry.value);
    } catch (error: unknown) {
      logger.error({ err: error, revision: entry.revision }, 'ignored an invalid catalog snapshot');
      return;
    }
    const current = catalog.version();
    if (current !== 'config' && snapshot.catalog_version <= current) return;
    const next = catalogFromSnapshot(snapshot, options.providers);
    if (next.unknownProviders.length > 0) {
      logger.warn(
        { providers: next.unknownProviders },
        'catalog routes to providers this gateway has no keys for; those routes are skipped',
      );
    }
    catalog.swap(next.catalog, snapshot.catalog_version);
    loadedAt.set(Date.now() / 1000);
    models.set(next.catalog.list().length);
    logger.info(
      { catalogVersion: snapshot.catalog_version, models: next.catalog.list().length },
      'catalog snapshot loaded',
    );
  });
}
