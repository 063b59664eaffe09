import {
  accountingIdParamSchema,
  createKeySchema,
  keyJsonSchema,
  keyPageSchema,
  keyWithSecretJsonSchema,
  pageQuerySchema,
  updateKeySchema,
} from '@switchyard/contracts';
import type { ApiKey } from '@switchyard/db';
import { hashKeySecret, whereAfterCursor } from '@switchyard/db';
import { type AdminPrincipal, apiErrors, decodePageCursor, toPage } from '@switchyard/service-kit';
import { sql } from 'kysely';
import { adminErrors } from '../admin/admin-errors.js';
import type { AdminRouteDeps } from '../admin/admin-route-deps.js';
import { toBudgetColumns } from '../admin/budget-columns.js';
import { toJsonObject } from '../admin/to-json-object.js';
import { recordAudit } from '../audit/record-audit.js';
import { assertNoOwnLimitChange } from './assert-no-own-limit-change.js';
import { assertWithinOwnLimits } from './assert-within-own-limits.js';
import { generateKeySecret } from './generate-key-secret.js';
import { lockKey } from './lock-key.js';
import { toKeyJson } from './to-key-json.js';
import { toKeyUpdate, toModelLimits } from './to-key-update.js';

/**
 * `/admin/v1/keys`: create (secret shown once), list, get, update, revoke and rotate keys. An
 * admin manages every key; a team_admin its own team's non-admin keys.
 */
export function registerKeyRoutes(deps: AdminRouteDeps): void {
  const { db, pepper, router } = deps;
  const oneKey = { status: 200, description: 'The key.', schema: keyJsonSchema } as const;
  const keyId = {
    schema: accountingIdParamSchema,
    notFound: (id: string) => `No key with id '${id}'.`,
  };
  const changed = (key: ApiKey) =>
    deps.onChange({ kind: 'key', id: key.id, keyHash: Buffer.from(key.key_hash).toString('hex') });

  /** The key `:id` names, if the caller may manage it. */
  const loadManagedKey = async (principal: AdminPrincipal, id: string): Promise<ApiKey> => {
    const key = await db
      .selectFrom('accounting.api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (key === undefined) throw apiErrors.notFound(`No key with id '${id}'.`);
    assertMayManage(principal, key.team_id, key.role);
    return key;
  };

  /** A team_admin's own key: the ceiling of what it may grant (admins have none). */
  const ownKeyCeiling = async (principal: AdminPrincipal): Promise<ApiKey | undefined> => {
    if (principal.role === 'admin' || principal.keyId === null) return undefined;
    return db
      .selectFrom('accounting.api_keys')
      .selectAll()
      .where('id', '=', principal.keyId)
      .executeTakeFirst();
  };

  router.route({
    method: 'POST',
    path: '/admin/v1/keys',
    summary: 'Create a key; the secret is shown once',
    access: 'team_admin',
    body: createKeySchema,
    response: {
      status: 201,
      description: 'The key with its secret.',
      schema: keyWithSecretJsonSchema,
    },
    handler: async ({ caller: principal, request, body }) => {
      assertMayManage(principal, body.team_id, body.role);
      const ceiling = await ownKeyCeiling(principal);
      if (ceiling !== undefined) {
        // What a create omits is unlimited, so the ceiling checks it as null.
        assertWithinOwnLimits(ceiling, {
          limits: {
            rpm: body.limits?.rpm ?? null,
            tpm: body.limits?.tpm ?? null,
            max_concurrent: body.limits?.max_concurrent ?? null,
          },
          budget: body.budget ?? null,
          model_allowlist: body.model_allowlist ?? null,
          expires_at: body.expires_at ?? null,
        });
      }
      const team = await db
        .selectFrom('accounting.teams')
        .select('id')
        .where('id', '=', body.team_id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (team === undefined) throw apiErrors.notFound(`No team with id '${body.team_id}'.`);
      const { secret, displayPrefix } = generateKeySecret();
      const key = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('accounting.api_keys')
          .values({
            team_id: body.team_id,
            name: body.name,
            role: body.role,
            key_prefix: displayPrefix,
            key_hash: hashKeySecret(secret, pepper),
            rpm: body.limits?.rpm ?? null,
            tpm: body.limits?.tpm ?? null,
            max_concurrent: body.limits?.max_concurrent ?? null,
            model_allowlist: body.model_allowlist ?? null,
            free_only: body.model_allowlist?.includes(':free') ?? false,
            per_model_limits: toModelLimits(body.model_limits),
            ...toBudgetColumns(body.budget ?? null),
            log_bodies: body.log_bodies,
            metadata: toJsonObject(body.metadata ?? {}),
            expires_at: body.expires_at ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller: principal, request },
          {
            action: 'key.create',
            targetId: created.id,
            teamId: created.team_id,
            before: null,
            after: toKeyJson(created),
          },
        );
        return created;
      });
      await changed(key);
      return { ...toKeyJson(key), secret };
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/keys',
    summary: 'List keys',
    access: 'team_admin',
    query: pageQuerySchema,
    response: { status: 200, description: 'A page of keys.', schema: keyPageSchema },
    handler: async ({ caller: principal, query }) => {
      let teamId = query.team_id;
      if (principal.role !== 'admin') {
        if (teamId !== undefined && teamId !== principal.teamId) throw adminErrors.forbiddenTeam();
        teamId = principal.teamId ?? undefined;
      }
      const cursor = query.cursor === undefined ? undefined : decodePageCursor(query.cursor);
      const rows = await db
        .selectFrom('accounting.api_keys')
        .selectAll()
        .select(sql<string>`created_at::text`.as('cursor_created_at'))
        .$if(teamId !== undefined, (builder) => builder.where('team_id', '=', teamId ?? ''))
        // A team_admin may not manage admin keys, so it does not see them either.
        .$if(principal.role !== 'admin', (builder) => builder.where('role', '<>', 'admin'))
        .$call((builder) => whereAfterCursor(builder, cursor))
        .orderBy('created_at')
        .orderBy('id')
        .limit(query.limit + 1)
        .execute();
      return toPage(rows, query.limit, toKeyJson);
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/keys/{id}',
    summary: 'Get a key',
    access: 'team_admin',
    pathParameter: keyId,
    response: oneKey,
    handler: async ({ caller: principal, param: id }) =>
      toKeyJson(await loadManagedKey(principal, id)),
  });

  router.route({
    method: 'PATCH',
    path: '/admin/v1/keys/{id}',
    summary: 'Update a key',
    access: 'team_admin',
    pathParameter: keyId,
    body: updateKeySchema,
    response: oneKey,
    handler: async ({ caller: principal, request, param: id, body }) => {
      const key = await loadManagedKey(principal, id);
      if (body.role !== undefined) assertMayManage(principal, key.team_id, body.role);
      if (key.id === principal.keyId) assertNoOwnLimitChange(body);
      const ceiling = await ownKeyCeiling(principal);
      if (ceiling !== undefined) assertWithinOwnLimits(ceiling, body);
      const updated = await db.transaction().execute(async (trx) => {
        const before = await lockKey(trx, key.id);
        const after = await trx
          .updateTable('accounting.api_keys')
          .set(toKeyUpdate(body))
          .where('id', '=', key.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller: principal, request },
          {
            action: 'key.update',
            targetId: key.id,
            teamId: key.team_id,
            before: toKeyJson(before),
            after: toKeyJson(after),
          },
        );
        return after;
      });
      await changed(updated);
      return toKeyJson(updated);
    },
  });

  router.route({
    method: 'POST',
    path: '/admin/v1/keys/{id}/revoke',
    summary: 'Revoke a key (idempotent)',
    access: 'team_admin',
    pathParameter: keyId,
    acceptEmptyBody: true,
    response: oneKey,
    handler: async ({ caller: principal, request, param: id }) => {
      const key = await loadManagedKey(principal, id);
      if (key.revoked_at !== null) return toKeyJson(key);
      const revoked = await db.transaction().execute(async (trx) => {
        const before = await lockKey(trx, key.id);
        // Revoked since the read: nothing changes, so nothing is recorded.
        if (before.revoked_at !== null) return undefined;
        const after = await trx
          .updateTable('accounting.api_keys')
          .set({ revoked_at: new Date(), updated_at: new Date() })
          .where('id', '=', key.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller: principal, request },
          {
            action: 'key.revoke',
            targetId: key.id,
            teamId: key.team_id,
            before: toKeyJson(before),
            after: toKeyJson(after),
          },
        );
        return after;
      });
      if (revoked === undefined) return toKeyJson(await loadManagedKey(principal, id));
      await changed(revoked);
      return toKeyJson(revoked);
    },
  });

  router.route({
    method: 'POST',
    path: '/admin/v1/keys/{id}/rotate',
    summary: 'Give a key a new secret; the old one stops working',
    access: 'team_admin',
    pathParameter: keyId,
    acceptEmptyBody: true,
    response: {
      status: 200,
      description: 'The key with its new secret.',
      schema: keyWithSecretJsonSchema,
    },
    handler: async ({ caller: principal, request, param: id }) => {
      const key = await loadManagedKey(principal, id);
      if (key.revoked_at !== null) {
        throw apiErrors.invalidRequest('A revoked key cannot be rotated.', 'id');
      }
      const { secret, displayPrefix } = generateKeySecret();
      const rotated = await db.transaction().execute(async (trx) => {
        const before = await lockKey(trx, key.id);
        // A revoke that landed since the read wins: a revoked key never gets a new secret.
        if (before.revoked_at !== null) return undefined;
        const after = await trx
          .updateTable('accounting.api_keys')
          .set({
            key_hash: hashKeySecret(secret, pepper),
            key_prefix: displayPrefix,
            updated_at: new Date(),
          })
          .where('id', '=', key.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller: principal, request },
          {
            action: 'key.rotate',
            targetId: key.id,
            teamId: key.team_id,
            before: toKeyJson(before),
            after: toKeyJson(after),
          },
        );
        return after;
      });
      if (rotated === undefined) {
        throw apiErrors.invalidRequest('A revoked key cannot be rotated.', 'id');
      }
      // Gateways cached the old hash; that is the one to evict.
      await changed(key);
      return { ...toKeyJson(rotated), secret };
    },
  });
}

/**
 * An admin manages every key; a team_admin only its own team's keys (else `forbidden_team`) and
 * never admin keys (else `insufficient_role`).
 */
function assertMayManage(principal: AdminPrincipal, teamId: string, role: string): void {
  if (principal.role === 'admin') return;
  if (principal.teamId !== teamId) throw adminErrors.forbiddenTeam();
  if (role === 'admin') {
    throw apiErrors.insufficientRole('A team_admin may not create or manage admin keys.');
  }
}
