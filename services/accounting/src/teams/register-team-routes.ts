import { createTeamSchema, pageQuerySchema, updateTeamSchema } from '@switchyard/contracts';
import { DEFAULT_ORGANIZATION_ID, isUniqueViolation, type TeamUpdate } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { adminErrors } from '../admin/admin-errors.js';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import { toBudgetColumns } from '../admin/budget-columns.js';
import { decodePageCursor } from '../admin/page-cursor.js';
import { parseAdminInput } from '../admin/parse-admin-input.js';
import { parseIdParam } from '../admin/parse-id.js';
import { requireAdmin } from '../admin/require-admin.js';
import { toJsonObject } from '../admin/to-json-object.js';
import { toPage } from '../admin/to-page.js';
import { toTeamJson } from './to-team-json.js';

/** `/admin/v1/teams`: admins create, list, update and delete teams; a team_admin reads its own. */
export function registerTeamRoutes(app: FastifyInstance, deps: AdminRouteDeps): void {
  const { db } = deps;
  const liveTeam = (id: string) =>
    db
      .selectFrom('accounting.teams')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();

  app.post('/admin/v1/teams', async (request, reply) => {
    requireAdmin(await deps.authenticate(request));
    const body = parseAdminInput(createTeamSchema, request.body);
    const team = await db
      .insertInto('accounting.teams')
      .values({
        organization_id: DEFAULT_ORGANIZATION_ID,
        name: body.name,
        rpm: body.limits?.rpm ?? null,
        tpm: body.limits?.tpm ?? null,
        max_concurrent: body.limits?.max_concurrent ?? null,
        model_allowlist: body.model_allowlist ?? null,
        ...toBudgetColumns(body.budget ?? null),
        metadata: toJsonObject(body.metadata ?? {}),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch(rethrowNameTaken);
    await deps.onChange({ kind: 'team', id: team.id });
    return reply.code(201).send(toTeamJson(team));
  });

  app.get('/admin/v1/teams', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const query = parseAdminInput(pageQuerySchema, request.query);
    const cursor = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
    const rows = await db
      .selectFrom('accounting.teams')
      .selectAll()
      .select(sql<string>`created_at::text`.as('cursor_created_at'))
      .where('deleted_at', 'is', null)
      .$if(cursor !== undefined, (builder) =>
        builder.where(
          sql<boolean>`(created_at, id) > (${cursor?.createdAt}::timestamptz, ${cursor?.id}::uuid)`,
        ),
      )
      .orderBy('created_at')
      .orderBy('id')
      .limit(query.limit + 1)
      .execute();
    return toPage(rows, query.limit, toTeamJson);
  });

  app.get('/admin/v1/teams/:id', async (request) => {
    const principal = await deps.authenticate(request);
    const id = parseIdParam(request.params, 'team');
    if (principal.role !== 'admin' && principal.teamId !== id) throw adminErrors.forbiddenTeam();
    const team = await liveTeam(id);
    if (team === undefined) throw apiErrors.notFound(`No team with id '${id}'.`);
    return toTeamJson(team);
  });

  app.patch('/admin/v1/teams/:id', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const id = parseIdParam(request.params, 'team');
    const body = parseAdminInput(updateTeamSchema, request.body);
    const update: TeamUpdate = { updated_at: new Date() };
    if (body.name !== undefined) update.name = body.name;
    if (body.limits?.rpm !== undefined) update.rpm = body.limits.rpm;
    if (body.limits?.tpm !== undefined) update.tpm = body.limits.tpm;
    if (body.limits?.max_concurrent !== undefined)
      update.max_concurrent = body.limits.max_concurrent;
    if (body.model_allowlist !== undefined) update.model_allowlist = body.model_allowlist;
    if (body.budget !== undefined) Object.assign(update, toBudgetColumns(body.budget));
    if (body.metadata !== undefined) update.metadata = toJsonObject(body.metadata);
    const team = await db
      .updateTable('accounting.teams')
      .set(update)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst()
      .catch(rethrowNameTaken);
    if (team === undefined) throw apiErrors.notFound(`No team with id '${id}'.`);
    await deps.onChange({ kind: 'team', id });
    return toTeamJson(team);
  });

  app.delete('/admin/v1/teams/:id', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const id = parseIdParam(request.params, 'team');
    const deleted = await db.transaction().execute(async (trx) => {
      const team = await trx
        .selectFrom('accounting.teams')
        .select('id')
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      if (team === undefined) throw apiErrors.notFound(`No team with id '${id}'.`);
      const active = await trx
        .selectFrom('accounting.api_keys')
        .select('id')
        .where('team_id', '=', id)
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
        .limit(1)
        .executeTakeFirst();
      if (active !== undefined) throw adminErrors.teamHasActiveKeys();
      return trx
        .updateTable('accounting.teams')
        .set({ deleted_at: new Date(), updated_at: new Date() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
    await deps.onChange({ kind: 'team', id });
    return { id: deleted.id, object: 'team', deleted: true };
  });
}

function rethrowNameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw adminErrors.teamNameTaken();
  throw error;
}
