import {
  accountingIdParamSchema,
  createTeamSchema,
  deletedJsonSchema,
  pageQuerySchema,
  teamJsonSchema,
  teamPageSchema,
  updateTeamSchema,
} from '@switchyard/contracts';
import {
  DEFAULT_ORGANIZATION_ID,
  isUniqueViolation,
  type TeamUpdate,
  whereAfterCursor,
} from '@switchyard/db';
import { apiErrors, decodePageCursor, toPage } from '@switchyard/service-kit';
import { sql } from 'kysely';
import { adminErrors } from '../admin/admin-errors.js';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import { toBudgetColumns } from '../admin/budget-columns.js';
import { toJsonObject } from '../admin/to-json-object.js';
import { recordAudit } from '../audit/record-audit.js';
import { toTeamJson } from './to-team-json.js';

/** `/admin/v1/teams`: admins create, list, update and delete teams; a team_admin reads its own. */
export function registerTeamRoutes(deps: AdminRouteDeps): void {
  const { db, router } = deps;
  const oneTeam = { status: 200, description: 'The team.', schema: teamJsonSchema } as const;
  const teamId = {
    schema: accountingIdParamSchema,
    notFound: (id: string) => `No team with id '${id}'.`,
  };
  const liveTeam = (id: string) =>
    db
      .selectFrom('accounting.teams')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();

  router.route({
    method: 'POST',
    path: '/admin/v1/teams',
    summary: 'Create a team',
    access: 'admin',
    body: createTeamSchema,
    response: { status: 201, description: 'The team.', schema: teamJsonSchema },
    handler: async ({ caller, request, body }) => {
      const team = await db
        .transaction()
        .execute(async (trx) => {
          const created = await trx
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
            .executeTakeFirstOrThrow();
          await recordAudit(
            trx,
            { caller, request },
            {
              action: 'team.create',
              targetId: created.id,
              teamId: created.id,
              before: null,
              after: toTeamJson(created),
            },
          );
          return created;
        })
        .catch(rethrowNameTaken);
      await deps.onChange({ kind: 'team', id: team.id });
      return toTeamJson(team);
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/teams',
    summary: 'List teams',
    access: 'admin',
    query: pageQuerySchema,
    response: { status: 200, description: 'A page of teams.', schema: teamPageSchema },
    handler: async ({ query }) => {
      const cursor = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
      const rows = await db
        .selectFrom('accounting.teams')
        .selectAll()
        .select(sql<string>`created_at::text`.as('cursor_created_at'))
        .where('deleted_at', 'is', null)
        .$call((builder) => whereAfterCursor(builder, cursor))
        .orderBy('created_at')
        .orderBy('id')
        .limit(query.limit + 1)
        .execute();
      return toPage(rows, query.limit, toTeamJson);
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/teams/{id}',
    summary: 'Get a team',
    access: 'team_admin',
    pathParameter: teamId,
    response: oneTeam,
    handler: async ({ caller: principal, param: id }) => {
      if (principal.role !== 'admin' && principal.teamId !== id) throw adminErrors.forbiddenTeam();
      const team = await liveTeam(id);
      if (team === undefined) throw apiErrors.notFound(`No team with id '${id}'.`);
      return toTeamJson(team);
    },
  });

  router.route({
    method: 'PATCH',
    path: '/admin/v1/teams/{id}',
    summary: 'Update a team',
    access: 'admin',
    pathParameter: teamId,
    body: updateTeamSchema,
    response: oneTeam,
    handler: async ({ caller, request, param: id, body }) => {
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
        .transaction()
        .execute(async (trx) => {
          const before = await trx
            .selectFrom('accounting.teams')
            .selectAll()
            .where('id', '=', id)
            .where('deleted_at', 'is', null)
            .forUpdate()
            .executeTakeFirst();
          if (before === undefined) throw apiErrors.notFound(`No team with id '${id}'.`);
          const after = await trx
            .updateTable('accounting.teams')
            .set(update)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirstOrThrow();
          await recordAudit(
            trx,
            { caller, request },
            {
              action: 'team.update',
              targetId: id,
              teamId: id,
              before: toTeamJson(before),
              after: toTeamJson(after),
            },
          );
          return after;
        })
        .catch(rethrowNameTaken);
      await deps.onChange({ kind: 'team', id });
      return toTeamJson(team);
    },
  });

  router.route({
    method: 'DELETE',
    path: '/admin/v1/teams/{id}',
    summary: 'Delete a team (409 while it has active keys)',
    access: 'admin',
    pathParameter: teamId,
    response: { status: 200, description: 'Deleted.', schema: deletedJsonSchema },
    handler: async ({ caller, request, param: id }) => {
      const deleted = await db.transaction().execute(async (trx) => {
        const team = await trx
          .selectFrom('accounting.teams')
          .selectAll()
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
        const removed = await trx
          .updateTable('accounting.teams')
          .set({ deleted_at: new Date(), updated_at: new Date() })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller, request },
          {
            action: 'team.delete',
            targetId: id,
            teamId: id,
            before: toTeamJson(team),
            after: null,
          },
        );
        return removed;
      });
      await deps.onChange({ kind: 'team', id });
      return { id: deleted.id, object: 'team', deleted: true as const };
    },
  });
}

function rethrowNameTaken(error: unknown): never {
  if (isUniqueViolation(error)) throw adminErrors.teamNameTaken();
  throw error;
}
