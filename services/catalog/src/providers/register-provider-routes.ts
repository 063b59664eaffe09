import {
  createProviderSchemaFor,
  type ProviderJson,
  providerJsonSchema,
  providerListSchema,
  providerNameParamSchema,
  publishedProviderJsonSchema,
  updateProviderSchema,
} from '@switchyard/contracts';
import type { CatalogProvider } from '@switchyard/db';
import { PROVIDER_TYPES } from '@switchyard/providers';
import { apiErrors } from '@switchyard/service-kit';
import { adminErrors } from '../admin/admin-errors.js';
import type { CatalogRoutes } from '../admin/catalog-route-deps.js';
import { recordAudit } from '../audit/record-audit.js';

const createProviderSchema = createProviderSchemaFor(PROVIDER_TYPES);

/**
 * `/admin/v1/providers` (admin only): list, get, add a provider beside the config's, enable or
 * disable one (a disabled provider's routes leave the snapshot) or move its base URL.
 */
export function registerProviderRoutes(deps: CatalogRoutes): void {
  const { db, router } = deps;
  const providerName = {
    schema: providerNameParamSchema,
    notFound: (name: string) => `No provider named '${name}'.`,
  };
  const load = async (name: string): Promise<CatalogProvider> => {
    const row = await db
      .selectFrom('catalog.providers')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    if (row === undefined) throw apiErrors.notFound(`No provider named '${name}'.`);
    return row;
  };

  router.route({
    method: 'GET',
    path: '/admin/v1/providers',
    summary: 'List providers',
    access: 'admin',
    response: { status: 200, description: 'Every provider.', schema: providerListSchema },
    handler: async () => {
      const rows = await db.selectFrom('catalog.providers').selectAll().orderBy('name').execute();
      return { object: 'list' as const, data: rows.map(toProviderJson), next_cursor: null };
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/providers/{name}',
    summary: 'Get a provider',
    access: 'admin',
    pathParameter: providerName,
    response: { status: 200, description: 'The provider.', schema: providerJsonSchema },
    handler: async ({ param: name }) => toProviderJson(await load(name)),
  });

  router.route({
    method: 'POST',
    path: '/admin/v1/providers',
    summary: "Add a provider beside the config file's",
    access: 'admin',
    body: createProviderSchema,
    response: { status: 201, description: 'The provider.', schema: providerJsonSchema },
    handler: async ({ caller, request, body }) => {
      if (deps.configProviders.includes(body.name)) {
        throw adminErrors.conflict(
          'provider_exists',
          `Provider '${body.name}' comes from the configuration; change it there.`,
          'name',
        );
      }
      const row = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('catalog.providers')
          .values({
            name: body.name,
            type: body.type,
            base_url: body.base_url.replace(/\/+$/, ''),
            enabled: body.enabled ?? true,
            source: 'admin',
          })
          .onConflict((conflict) => conflict.column('name').doNothing())
          .returningAll()
          .executeTakeFirst();
        if (created !== undefined) {
          await recordAudit(
            trx,
            { caller, request },
            {
              action: 'provider.create',
              targetId: created.name,
              before: null,
              after: toProviderJson(created),
            },
          );
        }
        return created;
      });
      if (row === undefined) {
        throw adminErrors.conflict(
          'provider_exists',
          `A provider named '${body.name}' exists.`,
          'name',
        );
      }
      return toProviderJson(row);
    },
  });

  router.route({
    method: 'PATCH',
    path: '/admin/v1/providers/{name}',
    summary: 'Enable/disable a provider or change its base URL',
    access: 'admin',
    pathParameter: providerName,
    body: updateProviderSchema,
    response: {
      status: 200,
      description: 'The provider and the catalog version.',
      schema: publishedProviderJsonSchema,
    },
    handler: async ({ caller, request, param: name, body }) => {
      const provider = await load(name);
      if (body.base_url !== undefined && provider.source === 'config') {
        throw apiErrors.invalidRequest(
          `Invalid request: provider '${provider.name}' comes from the config file; change its base URL there.`,
          'base_url',
        );
      }
      const row = await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('catalog.providers')
          .selectAll()
          .where('name', '=', provider.name)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const after = await trx
          .updateTable('catalog.providers')
          .set({
            ...(body.enabled !== undefined && { enabled: body.enabled }),
            ...(body.base_url !== undefined && { base_url: body.base_url.replace(/\/+$/, '') }),
            updated_at: new Date(),
          })
          .where('name', '=', provider.name)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller, request },
          {
            action: 'provider.update',
            targetId: provider.name,
            before: toProviderJson(before),
            after: toProviderJson(after),
          },
        );
        return after;
      });
      const published = await deps.publish();
      return { ...toProviderJson(row), catalog_version: published.snapshot.catalog_version };
    },
  });
}

function toProviderJson(row: CatalogProvider): ProviderJson {
  return {
    name: row.name,
    object: 'provider',
    type: row.type,
    base_url: row.base_url,
    enabled: row.enabled,
    source: row.source,
    created_at: row.created_at.toISOString(),
    updated_at: row.updated_at.toISOString(),
  };
}
