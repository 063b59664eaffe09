import { type Bus, CATALOG_BUCKET } from '@switchyard/bus';
import {
  CATALOG_SNAPSHOT_KEY,
  type CatalogSnapshotV1,
  catalogSnapshotV1Schema,
} from '@switchyard/contracts';
import type { JsonObject, Tables } from '@switchyard/db';
import { type Kysely, sql } from 'kysely';
import { buildCatalogSnapshotBody } from './build-catalog-snapshot.js';
import { type CatalogDiff, diffCatalogModels } from './diff-catalog-models.js';
import { loadPricedRoutes } from './load-priced-routes.js';
import { nextCatalogVersion } from './next-catalog-version.js';

/** What {@link publishCatalog} needs. */
export interface PublishCatalogDeps {
  db: Kysely<Tables>;
  bus: Bus;
  /** The KV bucket; default `CATALOG_BUCKET` (tests use their own). */
  bucket?: string;
  now?: () => Date;
}

/** The catalog version now current, whether it is new, and whether gateways were told. */
export interface PublishedCatalog {
  snapshot: CatalogSnapshotV1;
  changed: boolean;
  diff: CatalogDiff | undefined;
  /** Undefined when the snapshot reached the KV bucket; else why it did not (the next run retries). */
  publishError: string | undefined;
}

/**
 * Builds the snapshot from the catalog tables (overrides applied, new price rows written where a
 * price changed) and, when it differs from the latest version, stores it as a new
 * `catalog_versions` row; then puts the current snapshot in the `catalog` KV bucket under
 * `snapshot.v1` (even when unchanged, so a lost bucket is refilled). Serialised across replicas.
 */
export async function publishCatalog(
  deps: PublishCatalogDeps,
  report: JsonObject = {},
): Promise<PublishedCatalog> {
  const now = deps.now?.() ?? new Date();
  const result = await deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('switchyard.catalog.publish'))`.execute(trx);
    const [providers, models, aliases] = await Promise.all([
      trx.selectFrom('catalog.providers').selectAll().execute(),
      trx.selectFrom('catalog.models').selectAll().where('retired_at', 'is', null).execute(),
      trx.selectFrom('catalog.aliases').select(['alias', 'model_id']).execute(),
    ]);
    const routes = await loadPricedRoutes(trx, now);
    const body = catalogSnapshotV1Schema
      .pick({ models: true, providers: true })
      .parse(buildCatalogSnapshotBody({ providers, models, routes, aliases }));
    const last = await trx
      .selectFrom('catalog.catalog_versions')
      .select(['version', 'snapshot'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const previous =
      last === undefined ? undefined : catalogSnapshotV1Schema.safeParse(last.snapshot).data;
    if (previous !== undefined && sameBody(previous, body)) {
      return { snapshot: previous, changed: false, diff: undefined };
    }
    const snapshot: CatalogSnapshotV1 = {
      version: 1,
      catalog_version: nextCatalogVersion(last?.version, now),
      generated_at: now.toISOString(),
      ...body,
    };
    const diff = diffCatalogModels(previous?.models ?? [], snapshot.models);
    await trx
      .insertInto('catalog.catalog_versions')
      .values({
        version: snapshot.catalog_version,
        created_at: now,
        snapshot: toJson(snapshot),
        report: toJson({ ...report, diff }),
      })
      .execute();
    return { snapshot, changed: true, diff };
  });
  let publishError: string | undefined;
  try {
    const store = await deps.bus.kv(deps.bucket ?? CATALOG_BUCKET);
    await store.put(
      CATALOG_SNAPSHOT_KEY,
      new TextEncoder().encode(JSON.stringify(result.snapshot)),
    );
  } catch (error: unknown) {
    publishError = error instanceof Error ? error.message : String(error);
  }
  return { ...result, publishError };
}

function sameBody(
  previous: CatalogSnapshotV1,
  body: Pick<CatalogSnapshotV1, 'models' | 'providers'>,
): boolean {
  return (
    JSON.stringify(previous.models) === JSON.stringify(body.models) &&
    JSON.stringify(previous.providers) === JSON.stringify(body.providers)
  );
}

function toJson(value: object): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}
