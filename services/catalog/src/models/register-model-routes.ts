import { isPostgresText } from '@switchyard/contracts';
import type { JsonObject } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { listModelsQuerySchema, updateModelSchema } from '../admin/catalog-admin-schemas.js';
import type { CatalogRouteDeps } from '../admin/catalog-route-deps.js';
import { parseAdminInput } from '../admin/parse-admin-input.js';
import { requireAdmin } from '../admin/require-admin.js';
import { loadModelJson } from './load-model-json.js';
import { mergePricingPatch } from './merge-pricing-patch.js';
import { modelIdParam } from './model-id-param.js';
import { readModelOverrides } from './model-overrides.js';
import { replaceAliases } from './replace-aliases.js';

/**
 * `/admin/v1/models`: list and search (admin and team_admin), get with price history, and
 * patch (admin): enable/disable, name, context and price overrides, aliases. A patch publishes a
 * new catalog version at once.
 */
export function registerModelRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const { db } = deps;
  /** The price of the route tried first: what a partial price override starts from. */
  const firstRoutePricing = async (id: string): Promise<unknown> =>
    (
      await db
        .selectFrom('catalog.routes')
        .select('pricing')
        .where('model_id', '=', id)
        .orderBy('priority')
        .executeTakeFirst()
    )?.pricing;

  app.get('/admin/v1/models', async (request) => {
    await deps.authenticate(request);
    const query = parseAdminInput(listModelsQuerySchema, request.query);
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const pattern = query.search === undefined ? undefined : `%${escapeLike(query.search)}%`;
    const rows = await db
      .selectFrom('catalog.models')
      .selectAll()
      .where('retired_at', 'is', null)
      .$if(pattern !== undefined, (builder) =>
        builder.where((eb) =>
          eb.or([eb('id', 'ilike', pattern ?? ''), eb('name', 'ilike', pattern ?? '')]),
        ),
      )
      .$if(query.free !== undefined, (builder) => builder.where('free', '=', query.free ?? false))
      .$if(query.enabled !== undefined, (builder) =>
        builder.where('enabled', '=', query.enabled ?? true),
      )
      .$if(query.provider !== undefined, (builder) =>
        builder.where((eb) =>
          eb.exists(
            eb
              .selectFrom('catalog.routes')
              .select(sql`1`.as('one'))
              .whereRef('catalog.routes.model_id', '=', 'catalog.models.id')
              .where('catalog.routes.provider', '=', query.provider ?? ''),
          ),
        ),
      )
      .$if(after !== undefined, (builder) => builder.where('id', '>', after ?? ''))
      .orderBy('id')
      .limit(query.limit + 1)
      .execute();
    const shown = rows.slice(0, query.limit);
    const last = shown.at(-1);
    return {
      object: 'list',
      data: await loadModelJson(db, shown),
      next_cursor: rows.length > query.limit && last !== undefined ? encodeCursor(last.id) : null,
    };
  });

  app.get('/admin/v1/models/*', async (request) => {
    await deps.authenticate(request);
    const id = modelIdParam(request.params);
    const model = await db
      .selectFrom('catalog.models')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (model === undefined) throw apiErrors.notFound(`No model with id '${id}'.`);
    const [json] = await loadModelJson(db, [model], true);
    return json;
  });

  app.patch('/admin/v1/models/*', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const id = modelIdParam(request.params);
    const body = parseAdminInput(updateModelSchema, request.body);
    const model = await db
      .selectFrom('catalog.models')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (model === undefined) throw apiErrors.notFound(`No model with id '${id}'.`);
    const current = readModelOverrides(model.overrides);
    const overrides: Record<string, unknown> = { ...current };
    if (body.pricing) {
      overrides.pricing = mergePricingPatch(
        body.pricing,
        current.pricing ?? (await firstRoutePricing(id)),
      );
    }
    for (const field of ['name', 'context_length', 'max_output_tokens'] as const) {
      const value = body[field];
      // null removes the override; for max_output_tokens a null override would mean "no limit",
      // which no source can say, so null removes it too.
      if (value === null) delete overrides[field];
      else if (value !== undefined) overrides[field] = value;
    }
    if (body.pricing === null) delete overrides.pricing;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('catalog.models')
        .set({
          overrides: JSON.parse(JSON.stringify(overrides)) as JsonObject,
          ...(body.enabled !== undefined && { enabled: body.enabled }),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .execute();
      if (body.aliases !== undefined) await replaceAliases(trx, id, body.aliases);
    });
    const published = await deps.publish();
    const updated = await db
      .selectFrom('catalog.models')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const [json] = await loadModelJson(db, [updated], true);
    return { ...json, catalog_version: published.snapshot.catalog_version };
  });
}

function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[^/\s]+\/\S+$/.test(id) || !isPostgresText(id)) {
    throw apiErrors.invalidRequest(
      'Invalid request: cursor is not a cursor this API returned.',
      'cursor',
    );
  }
  return id;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
