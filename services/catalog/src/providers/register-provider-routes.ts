import { isPostgresText } from '@switchyard/contracts';
import type { CatalogProvider } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { adminErrors } from '../admin/admin-errors.js';
import { createProviderSchema, updateProviderSchema } from '../admin/catalog-admin-schemas.js';
import type { CatalogRouteDeps } from '../admin/catalog-route-deps.js';
import { parseAdminInput } from '../admin/parse-admin-input.js';
import { requireAdmin } from '../admin/require-admin.js';

/**
 * `/admin/v1/providers` (admin only): list, get, add a provider beside the config's, enable or
 * disable one (a disabled provider's routes leave the snapshot) or move its base URL.
 */
export function registerProviderRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const { db } = deps;
  const load = async (params: unknown): Promise<CatalogProvider> => {
    const name =
      typeof params === 'object' && params !== null && 'name' in params ? String(params.name) : '';
    const row = isPostgresText(name)
      ? await db
          .selectFrom('catalog.providers')
          .selectAll()
          .where('name', '=', name)
          .executeTakeFirst()
      : undefined;
    if (row === undefined) throw apiErrors.notFound(`No provider named '${name}'.`);
    return row;
  };

  app.get('/admin/v1/providers', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const rows = await db.selectFrom('catalog.providers').selectAll().orderBy('name').execute();
    return { object: 'list', data: rows.map(toProviderJson), next_cursor: null };
  });

  app.get('/admin/v1/providers/:name', async (request) => {
    requireAdmin(await deps.authenticate(request));
    return toProviderJson(await load(request.params));
  });

  app.post('/admin/v1/providers', async (request, reply) => {
    requireAdmin(await deps.authenticate(request));
    const body = parseAdminInput(createProviderSchema, request.body);
    if (deps.configProviders.includes(body.name)) {
      throw adminErrors.conflict(
        'provider_exists',
        `Provider '${body.name}' comes from the configuration; change it there.`,
        'name',
      );
    }
    const row = await db
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
    if (row === undefined) {
      throw adminErrors.conflict(
        'provider_exists',
        `A provider named '${body.name}' exists.`,
        'name',
      );
    }
    return reply.code(201).send(toProviderJson(row));
  });

  app.patch('/admin/v1/providers/:name', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const provider = await load(request.params);
    const body = parseAdminInput(updateProviderSchema, request.body);
    if (body.base_url !== undefined && provider.source === 'config') {
      throw apiErrors.invalidRequest(
        `Invalid request: provider '${provider.name}' comes from the config file; change its base URL there.`,
        'base_url',
      );
    }
    const row = await db
      .updateTable('catalog.providers')
      .set({
        ...(body.enabled !== undefined && { enabled: body.enabled }),
        ...(body.base_url !== undefined && { base_url: body.base_url.replace(/\/+$/, '') }),
        updated_at: new Date(),
      })
      .where('name', '=', provider.name)
      .returningAll()
      .executeTakeFirstOrThrow();
    const published = await deps.publish();
    return { ...toProviderJson(row), catalog_version: published.snapshot.catalog_version };
  });
}

function toProviderJson(row: CatalogProvider) {
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
