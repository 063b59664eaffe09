import { randomUUID } from 'node:crypto';
import { encryptSecret } from '@switchyard/config';
import type { CatalogCredential } from '@switchyard/db';
import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance } from 'fastify';
import {
  createCredentialSchema,
  listCredentialsQuerySchema,
  updateCredentialSchema,
} from '../admin/catalog-admin-schemas.js';
import type { CatalogRouteDeps } from '../admin/catalog-route-deps.js';
import { parseAdminInput } from '../admin/parse-admin-input.js';
import { requireAdmin } from '../admin/require-admin.js';
import { maskSecret } from './mask-secret.js';
import { toCredentialJson } from './to-credential-json.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/admin/v1/credentials` (admin only): upstream provider keys, sealed with AES-256-GCM before
 * they reach the database. The secret is write-only: responses show a masked hint, never it.
 */
export function registerCredentialRoutes(app: FastifyInstance, deps: CatalogRouteDeps): void {
  const { db, keyring } = deps;
  const load = async (params: unknown): Promise<CatalogCredential> => {
    const id =
      typeof params === 'object' && params !== null && 'id' in params ? String(params.id) : '';
    const row = UUID.test(id)
      ? await db
          .selectFrom('catalog.credentials')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined;
    if (row === undefined) throw apiErrors.notFound(`No credential with id '${id}'.`);
    return row;
  };

  app.post('/admin/v1/credentials', async (request, reply) => {
    requireAdmin(await deps.authenticate(request));
    const body = parseAdminInput(createCredentialSchema, request.body);
    const provider = await db
      .selectFrom('catalog.providers')
      .select('name')
      .where('name', '=', body.provider)
      .executeTakeFirst();
    if (provider === undefined) {
      throw apiErrors.invalidRequest(
        `Invalid request: no provider named '${body.provider}'.`,
        'provider',
      );
    }
    const sealed = encryptSecret(body.secret, keyring, body.provider);
    const row = await db
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
    return reply.code(201).send(toCredentialJson(row));
  });

  app.get('/admin/v1/credentials', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const query = parseAdminInput(listCredentialsQuerySchema, request.query);
    const rows = await db
      .selectFrom('catalog.credentials')
      .selectAll()
      .$if(query.provider !== undefined, (builder) =>
        builder.where('provider', '=', query.provider ?? ''),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return { object: 'list', data: rows.map(toCredentialJson), next_cursor: null };
  });

  app.get('/admin/v1/credentials/:id', async (request) => {
    requireAdmin(await deps.authenticate(request));
    return toCredentialJson(await load(request.params));
  });

  app.patch('/admin/v1/credentials/:id', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const credential = await load(request.params);
    const body = parseAdminInput(updateCredentialSchema, request.body);
    const sealed =
      body.secret === undefined
        ? undefined
        : encryptSecret(body.secret, keyring, credential.provider);
    const limits = body.limits ?? {};
    const row = await db
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
    return toCredentialJson(row);
  });

  app.delete('/admin/v1/credentials/:id', async (request) => {
    requireAdmin(await deps.authenticate(request));
    const credential = await load(request.params);
    await db.deleteFrom('catalog.credentials').where('id', '=', credential.id).execute();
    return { id: credential.id, object: 'credential', deleted: true };
  });
}
