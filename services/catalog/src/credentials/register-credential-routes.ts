import { randomUUID } from 'node:crypto';
import { encryptSecret } from '@switchyard/config';
import {
  createCredentialSchema,
  credentialIdParamSchema,
  credentialJsonSchema,
  credentialListSchema,
  deletedJsonSchema,
  listCredentialsQuerySchema,
  updateCredentialSchema,
} from '@switchyard/contracts';
import type { CatalogCredential } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { CatalogRoutes } from '../admin/catalog-route-deps.js';
import { recordAudit } from '../audit/record-audit.js';
import { checkCredentialSecret } from './check-credential-secret.js';
import { maskSecret } from './mask-secret.js';
import { toCredentialJson } from './to-credential-json.js';

/**
 * `/admin/v1/credentials` (admin only): upstream provider keys, sealed with AES-256-GCM before
 * they reach the database. The secret is write-only: responses show a masked hint, never it.
 */
export function registerCredentialRoutes(deps: CatalogRoutes): void {
  const { db, keyring, router } = deps;
  const oneCredential = {
    status: 200,
    description: 'The credential.',
    schema: credentialJsonSchema,
  } as const;
  const credentialId = {
    schema: credentialIdParamSchema,
    notFound: (id: string) => `No credential with id '${id}'.`,
  };
  const load = async (id: string): Promise<CatalogCredential> => {
    const row = await db
      .selectFrom('catalog.credentials')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw apiErrors.notFound(`No credential with id '${id}'.`);
    return row;
  };

  router.route({
    method: 'POST',
    path: '/admin/v1/credentials',
    summary: 'Store an upstream credential (encrypted; the secret is never returned)',
    access: 'admin',
    body: createCredentialSchema,
    response: {
      status: 201,
      description: 'The credential with a masked hint.',
      schema: credentialJsonSchema,
    },
    handler: async ({ caller, request, body }) => {
      const provider = await db
        .selectFrom('catalog.providers')
        .select(['name', 'type'])
        .where('name', '=', body.provider)
        .executeTakeFirst();
      if (provider === undefined) {
        throw apiErrors.invalidRequest(
          `Invalid request: no provider named '${body.provider}'.`,
          'provider',
        );
      }
      checkCredentialSecret(provider.type, body.secret);
      const sealed = encryptSecret(body.secret, keyring, body.provider);
      const row = await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto('catalog.credentials')
          .values({
            id: randomUUID(),
            provider: body.provider,
            name: body.name,
            ciphertext: sealed.ciphertext,
            iv: sealed.iv,
            auth_tag: sealed.authTag,
            key_id: sealed.keyId,
            hint: maskSecret(body.secret),
            enabled: body.enabled ?? true,
            rpm: body.limits?.rpm ?? null,
            tpm: body.limits?.tpm ?? null,
            daily_requests: body.limits?.daily_requests ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller, request },
          {
            action: 'credential.create',
            targetId: created.id,
            before: null,
            after: toCredentialJson(created),
          },
        );
        return created;
      });
      return toCredentialJson(row);
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/credentials',
    summary: 'List credentials',
    access: 'admin',
    query: listCredentialsQuerySchema,
    response: {
      status: 200,
      description: 'Credentials with masked hints.',
      schema: credentialListSchema,
    },
    handler: async ({ query }) => {
      const rows = await db
        .selectFrom('catalog.credentials')
        .selectAll()
        .$if(query.provider !== undefined, (builder) =>
          builder.where('provider', '=', query.provider ?? ''),
        )
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return { object: 'list' as const, data: rows.map(toCredentialJson), next_cursor: null };
    },
  });

  router.route({
    method: 'GET',
    path: '/admin/v1/credentials/{id}',
    summary: 'Get a credential',
    access: 'admin',
    pathParameter: credentialId,
    response: oneCredential,
    handler: async ({ param: id }) => toCredentialJson(await load(id)),
  });

  router.route({
    method: 'PATCH',
    path: '/admin/v1/credentials/{id}',
    summary: 'Rename, enable/disable, set limits or replace the secret',
    access: 'admin',
    pathParameter: credentialId,
    body: updateCredentialSchema,
    response: oneCredential,
    handler: async ({ caller, request, param: id, body }) => {
      const credential = await load(id);
      if (body.secret !== undefined) {
        const provider = await db
          .selectFrom('catalog.providers')
          .select('type')
          .where('name', '=', credential.provider)
          .executeTakeFirst();
        if (provider !== undefined) checkCredentialSecret(provider.type, body.secret);
      }
      const sealed =
        body.secret === undefined
          ? undefined
          : encryptSecret(body.secret, keyring, credential.provider);
      const limits = body.limits ?? {};
      const row = await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom('catalog.credentials')
          .selectAll()
          .where('id', '=', credential.id)
          .forUpdate()
          .executeTakeFirst();
        if (before === undefined) throw apiErrors.notFound(`No credential with id '${id}'.`);
        const after = await trx
          .updateTable('catalog.credentials')
          .set({
            ...(body.name !== undefined && { name: body.name }),
            ...(body.enabled !== undefined && { enabled: body.enabled }),
            ...(limits.rpm !== undefined && { rpm: limits.rpm }),
            ...(limits.tpm !== undefined && { tpm: limits.tpm }),
            ...(limits.daily_requests !== undefined && { daily_requests: limits.daily_requests }),
            ...(sealed !== undefined &&
              body.secret !== undefined && {
                ciphertext: sealed.ciphertext,
                iv: sealed.iv,
                auth_tag: sealed.authTag,
                key_id: sealed.keyId,
                hint: maskSecret(body.secret),
              }),
            updated_at: new Date(),
          })
          .where('id', '=', credential.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(
          trx,
          { caller, request },
          {
            action: body.secret === undefined ? 'credential.update' : 'credential.replace_secret',
            targetId: credential.id,
            before: toCredentialJson(before),
            after: toCredentialJson(after),
          },
        );
        return after;
      });
      return toCredentialJson(row);
    },
  });

  router.route({
    method: 'DELETE',
    path: '/admin/v1/credentials/{id}',
    summary: 'Delete a credential',
    access: 'admin',
    pathParameter: credentialId,
    response: { status: 200, description: 'Deleted.', schema: deletedJsonSchema },
    handler: async ({ caller, request, param: id }) => {
      const credential = await load(id);
      await db.transaction().execute(async (trx) => {
        const deleted = await trx
          .deleteFrom('catalog.credentials')
          .where('id', '=', credential.id)
          .returningAll()
          .executeTakeFirst();
        if (deleted === undefined) throw apiErrors.notFound(`No credential with id '${id}'.`);
        await recordAudit(
          trx,
          { caller, request },
          {
            action: 'credential.delete',
            targetId: credential.id,
            before: toCredentialJson(deleted),
            after: null,
          },
        );
      });
      return { id: credential.id, object: 'credential', deleted: true as const };
    },
  });
}
