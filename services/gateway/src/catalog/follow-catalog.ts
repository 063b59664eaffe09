import { type Bus, CATALOG_BUCKET, type KeyValueEntry } from '@switchyard/bus';
import type { EncryptionKeyring, ProviderConfig, SwitchyardConfig } from '@switchyard/config';
import {
  CATALOG_SNAPSHOT_KEY,
  type CatalogSnapshotV1,
  decodeCatalogSnapshot,
} from '@switchyard/contracts';
import type { Tables } from '@switchyard/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { Gauge, type Registry } from 'prom-client';
import { catalogFromSnapshot } from './catalog-from-snapshot.js';
import { createSwappableCatalog, type SwappableCatalog } from './create-swappable-catalog.js';
import { loadStoredCredentials } from './load-stored-credentials.js';
import { catalogFromConfig, createProviders, type Provider } from './model-catalog.js';

/** Stored credentials are re-read this often even when no snapshot put announces a change. */
const CREDENTIAL_REFRESH_MS = 60_000;

/** The gateway's catalog and what keeps it current. */
export interface FollowedCatalog {
  catalog: SwappableCatalog;
  /** Settles once the last published snapshot and the stored credentials are in. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * The catalog the gateway serves: the configuration's models until a snapshot arrives, then the
 * NATS KV snapshot (the last published one at start, each newer `catalog_version` after), served
 * through the configured providers whose key pools also hold the keys stored through the admin
 * API (re-read on every snapshot put — the catalog re-puts after each admin change — and every
 * minute). Each change is one swap: requests in flight keep the routes they resolved. A snapshot
 * that does not parse is logged and skipped.
 */
export function followCatalog(options: {
  config: Pick<SwitchyardConfig, 'providers' | 'models'>;
  now: () => number;
  bus: Bus | undefined;
  db: Kysely<Tables> | Promise<Kysely<Tables>> | undefined;
  keyring: EncryptionKeyring | undefined;
  logger: FastifyBaseLogger;
  registry: Registry;
}): FollowedCatalog {
  const { config, logger, db, keyring } = options;
  let providers: ReadonlyMap<string, Provider> = createProviders(config.providers, options.now);
  let snapshot: CatalogSnapshotV1 | undefined;
  let fingerprint = '';
  const catalog = createSwappableCatalog(catalogFromConfig(config.models, providers));
  const models = new Gauge({
    name: 'switchyard_catalog_models',
    help: 'Models this gateway serves from its current catalog.',
    registers: [options.registry],
  });
  const loadedAt = new Gauge({
    name: 'switchyard_catalog_snapshot_loaded_timestamp_seconds',
    help: 'When this gateway swapped in the catalog snapshot it serves (0: the configuration).',
    registers: [options.registry],
  });
  models.set(catalog.list().length);

  const rebuild = () => {
    if (snapshot === undefined) {
      catalog.swap(catalogFromConfig(config.models, providers), 'config');
    } else {
      const next = catalogFromSnapshot(snapshot, providers);
      if (next.unknownProviders.length > 0) {
        logger.warn(
          { providers: next.unknownProviders },
          'catalog routes to providers this gateway has no configuration for; those routes are skipped',
        );
      }
      catalog.swap(next.catalog, snapshot.catalog_version);
      loadedAt.set(Date.now() / 1000);
    }
    models.set(catalog.list().length);
  };
  /** Whether the stored credentials changed (and the providers were rebuilt with them). */
  const refreshCredentials = async (): Promise<boolean> => {
    if (db === undefined || keyring === undefined) return false;
    let stored: Awaited<ReturnType<typeof loadStoredCredentials>>;
    try {
      stored = await loadStoredCredentials(db, keyring, logger);
    } catch (error: unknown) {
      // No catalog schema in this database, or it is unreachable: the configured keys serve.
      logger.warn(
        { err: error },
        'stored upstream keys could not be read; using the configured ones',
      );
      return false;
    }
    if (stored.fingerprint === fingerprint) return false;
    fingerprint = stored.fingerprint;
    const merged: ProviderConfig[] = config.providers.map((provider) => ({
      ...provider,
      credentials: [...provider.credentials, ...(stored.byProvider.get(provider.name) ?? [])],
    }));
    providers = createProviders(merged, options.now);
    return true;
  };
  const onEntry = async (entry: KeyValueEntry) => {
    let changed = false;
    if (entry.value !== undefined) {
      try {
        const next = decodeCatalogSnapshot(entry.value);
        if (snapshot === undefined || next.catalog_version > snapshot.catalog_version) {
          snapshot = next;
          changed = true;
        }
      } catch (error: unknown) {
        logger.error(
          { err: error, revision: entry.revision },
          'ignored an invalid catalog snapshot',
        );
      }
    }
    if (await refreshCredentials()) changed = true;
    if (changed) {
      rebuild();
      logger.info(
        { catalogVersion: catalog.version(), models: catalog.list().length },
        'catalog updated',
      );
    }
  };
  // One change at a time, in arrival order.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work).catch((error: unknown) => {
      logger.warn({ err: error }, 'catalog update failed; keeping the current catalog');
    });
    return chain;
  };
  let timer: NodeJS.Timeout | undefined;
  const ready = (async () => {
    if (await refreshCredentials()) rebuild();
    if (db !== undefined && keyring !== undefined) {
      timer = setInterval(() => {
        void enqueue(async () => {
          if (await refreshCredentials()) rebuild();
        });
      }, CREDENTIAL_REFRESH_MS);
      timer.unref();
    }
    if (options.bus === undefined) return undefined;
    const bucket = await options.bus.kv(CATALOG_BUCKET);
    // The current snapshot before ready; the watch then brings every later one (and this one
    // again, which changes nothing).
    const current = await bucket.get(CATALOG_SNAPSHOT_KEY);
    if (current !== undefined) await enqueue(() => onEntry(current));
    return bucket.watch(CATALOG_SNAPSHOT_KEY, (entry) => {
      void enqueue(() => onEntry(entry));
    });
  })();
  return {
    catalog,
    ready: ready.then(() => undefined),
    async stop() {
      clearInterval(timer);
      (await ready.catch(() => undefined))?.stop();
      await chain;
    },
  };
}
