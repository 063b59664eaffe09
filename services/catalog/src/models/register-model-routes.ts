import {
  decodeModelId,
  isPostgresText,
  listModelsQuerySchema,
  modelIdParamSchema,
  modelJsonSchema,
  modelPageSchema,
  publishedModelJsonSchema,
  updateModelSchema,
} from '@switchyard/contracts';
import type { JsonObject } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import { sql } from 'kysely';
import type { CatalogRoutes } from '../admin/catalog-route-deps.js';
import { recordAudit } from '../audit/record-audit.js';
import { loadModelAuditView } from './load-model-audit-view.js';
import { loadModelJson } from './load-model-json.js';
import { mergePricingPatch } from './merge-pricing-patch.js';
import { readModelOverrides } from './model-overrides.js';
import { replaceAliases } from './replace-aliases.js';

/**
 * `/admin/v1/models`: list and search (admin and team_admin), get with price history, and
 * patch (admin): enable/disable, name, context and price overrides, aliases. A patch publishes a
 * new catalog version at once.
 */
export function registerModelRoutes(deps: CatalogRoutes): void {
  const { db, router } = deps;
  // Model ids hold a `/`: the parameter is the rest of the path. An id no model can have (NUL,
  // an unpaired surrogate) is not found, never a failed query.
  const modelId = {
    schema: modelIdParamSchema,
    notFound: (raw: string) => `No model with id '${decodeModelId(raw)}'.`,
    rest: true,
  };
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

  router.route({
    method: 'GET',
    path: '/admin/v1/models',
    summary: 'List and search models (admin, team_admin)',
    access: 'team_admin',
    query: listModelsQuerySchema,
    response: { status: 200, description: 'A page of models.', schema: modelPageSchema },
    handler: async ({ query }) => {
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
        object: 'list' as const,
        data: await loadModelJson(db, shown),
        next_cursor: rows.length > query.limit && last !== undefined ? encodeCursor(last.id) : null,
      };
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/models/{id}',
    summary: 'Get a model with its routes and price history (admin, team_admin)',
    access: 'team_admin',
    pathParameter: modelId,
    response: { status: 200, description: 'The model.', schema: modelJsonSchema },
    handler: async ({ param: id }) => {
      const model = await db
        .selectFrom('catalog.models')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (model === undefined) throw apiErrors.notFound(`No model with id '${id}'.`);
      const [json] = await loadModelJson(db, [model], true);
      if (json === undefined) throw apiErrors.notFound(`No model with id '${id}'.`);
      return json;
    },
  });

  router.route({
    method: 'PATCH',
    path: '/admin/v1/models/{id}',
    summary:
      'Enable/disable a model, override name, context or price, set aliases; publishes a new catalog version',
    access: 'admin',
    pathParameter: modelId,
    body: updateModelSchema,
    response: {
      status: 200,
      description: 'The model and the catalog version.',
      schema: publishedModelJsonSchema,
    },
    handler: async ({ caller, request, param: id, body }) => {
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
        const before = await loadModelAuditView(trx, id);
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
        await recordAudit(
          trx,
          { caller, request },
          {
            action: 'model.update',
            targetId: id,
            before,
            after: await loadModelAuditView(trx, id),
          },
        );
      });
      const published = await deps.publish();
      const updated = await db
        .selectFrom('catalog.models')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const [json] = await loadModelJson(db, [updated], true);
      if (json === undefined) throw apiErrors.notFound(`No model with id '${id}'.`);
      return { ...json, catalog_version: published.snapshot.catalog_version };
    },
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
