import {
  keyJsonSchema,
  keyPageSchema,
  keyWithSecretJsonSchema,
  teamJsonSchema,
  teamPageSchema,
} from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import {
  accounting,
  asMaster,
  call,
  createKey,
  createTeam,
  errorOf,
  type Json,
  useAdminApi,
} from '../testing/admin-api-test-client.js';

useAdminApi();

describe('admin API: teams and keys', () => {
  it('creates a key whose secret is shown once and stored only as a 32-byte HMAC', async () => {
    const teamId = await createTeam('platform');
    const created = await createKey(teamId, 'member');
    const secret = String(created.secret);
    expect(secret).toMatch(/^sk-sy-[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(String(created.key_prefix))).toBe(true);
    expect(created).not.toHaveProperty('key_hash');

    const fetched = await asMaster('GET', `/admin/v1/keys/${String(created.id)}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).not.toHaveProperty('secret');
    expect(fetched.body).not.toHaveProperty('key_hash');
    expect(JSON.stringify(fetched.body)).not.toContain(secret);

    const row = await accounting.database.db
      .selectFrom('accounting.api_keys')
      .selectAll()
      .where('id', '=', String(created.id))
      .executeTakeFirstOrThrow();
    expect(row.key_hash).toHaveLength(32);
    expect(JSON.stringify(row)).not.toContain(secret.slice(6));
    expect(accounting.changes).toContainEqual({
      kind: 'key',
      id: created.id,
      keyHash: Buffer.from(row.key_hash).toString('hex'),
    });
  });

  it('lets a new key authenticate per its role: team_admin reads its team, member gets 403', async () => {
    const teamId = await createTeam('roles');
    const teamAdmin = String((await createKey(teamId, 'team_admin')).secret);
    const member = String((await createKey(teamId, 'member')).secret);

    expect((await call('GET', `/admin/v1/teams/${teamId}`, teamAdmin)).status).toBe(200);
    const listed = await call('GET', '/admin/v1/keys', teamAdmin);
    expect(listed.status).toBe(200);
    expect((listed.body.data as Json[]).every((key) => key.team_id === teamId)).toBe(true);
    expect((await call('GET', '/admin/v1/teams', teamAdmin)).status).toBe(403);

    for (const [method, url] of [
      ['GET', '/admin/v1/teams'],
      ['GET', `/admin/v1/teams/${teamId}`],
      ['GET', '/admin/v1/keys'],
      ['POST', '/admin/v1/keys'],
    ] as const) {
      const response = await call(method, url, member, method === 'POST' ? {} : undefined);
      expect(response.status).toBe(403);
      expect(errorOf(response.body)).toMatchObject({
        type: 'permission_error',
        code: 'insufficient_role',
      });
    }
    const viaHeader = await accounting.app.inject({
      method: 'GET',
      url: '/admin/v1/keys',
      headers: { 'x-api-key': teamAdmin },
    });
    expect(viaHeader.statusCode).toBe(200);
  });

  it('refuses missing and unknown keys with 401', async () => {
    const missing = await call('GET', '/admin/v1/teams', undefined);
    expect(missing.status).toBe(401);
    expect(errorOf(missing.body).code).toBe('missing_api_key');
    const unknown = await call('GET', '/admin/v1/teams', 'sk-sy-not-a-real-key');
    expect(unknown.status).toBe(401);
    expect(errorOf(unknown.body).code).toBe('invalid_api_key');
  });

  it('pages through 25 keys with cursors, in creation order, without repeats', async () => {
    const teamId = await createTeam('paging');
    const ids: string[] = [];
    for (let index = 0; index < 25; index += 1) {
      ids.push(String((await createKey(teamId, 'member', `k${index}`)).id));
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `team_id=${teamId}&limit=10${cursor === null ? '' : `&cursor=${cursor}`}`;
      const page = await asMaster('GET', `/admin/v1/keys?${query}`);
      expect(page.status).toBe(200);
      seen.push(...(page.body.data as Json[]).map((key) => String(key.id)));
      cursor = page.body.next_cursor as string | null;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(ids);

    const teams = await asMaster('GET', '/admin/v1/teams?limit=2');
    expect(teams.body.data).toHaveLength(2);
    expect(typeof teams.body.next_cursor).toBe('string');
  });

  it('updates limits and allowlists of keys and teams', async () => {
    const teamId = await createTeam('limits');
    const key = await createKey(teamId, 'member');
    const patched = await asMaster('PATCH', `/admin/v1/keys/${String(key.id)}`, {
      limits: { rpm: 60, tpm: 10_000 },
      model_allowlist: ['openai/*', ':free'],
      model_limits: { 'openai/gpt-4o': { rpm: 5 } },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      limits: { rpm: 60, tpm: 10_000, max_concurrent: null },
      model_allowlist: ['openai/*', ':free'],
      model_limits: { 'openai/gpt-4o': { rpm: 5 } },
    });
    const cleared = await asMaster('PATCH', `/admin/v1/keys/${String(key.id)}`, {
      limits: { rpm: null },
    });
    expect(cleared.body).toMatchObject({ limits: { rpm: null, tpm: 10_000 } });

    const team = await asMaster('PATCH', `/admin/v1/teams/${teamId}`, {
      limits: { max_concurrent: 3 },
      model_allowlist: ['anthropic/*'],
    });
    expect(team.status).toBe(200);
    expect(team.body).toMatchObject({
      limits: { max_concurrent: 3 },
      model_allowlist: ['anthropic/*'],
    });
    expect(accounting.changes).toContainEqual({ kind: 'team', id: teamId });
  });

  it('keeps what a PATCH omits: renaming an admin or team_admin key keeps its role and access', async () => {
    const teamId = await createTeam('renames');
    for (const role of ['admin', 'team_admin']) {
      const key = await createKey(teamId, role);
      const renamed = await asMaster('PATCH', `/admin/v1/keys/${String(key.id)}`, {
        name: 'renamed',
      });
      expect(renamed.body).toMatchObject({ name: 'renamed', role });
      expect((await call('GET', `/admin/v1/teams/${teamId}`, String(key.secret))).status).toBe(200);
    }
  });

  it('refuses a forged cursor with a 400, not a 500', async () => {
    const forged = Buffer.from(
      JSON.stringify(['not-a-date', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    const response = await asMaster('GET', `/admin/v1/keys?cursor=${forged}`);
    expect(response.status).toBe(400);
    expect(errorOf(response.body).param).toBe('cursor');
  });

  it('revokes a key: it gets 401 at once, and revoking again changes nothing', async () => {
    const teamId = await createTeam('revoke');
    const key = await createKey(teamId, 'team_admin');
    const secret = String(key.secret);
    expect((await call('GET', '/admin/v1/keys', secret)).status).toBe(200);

    const revoked = await asMaster('POST', `/admin/v1/keys/${String(key.id)}/revoke`);
    expect(revoked.status).toBe(200);
    expect(typeof revoked.body.revoked_at).toBe('string');
    const refused = await call('GET', '/admin/v1/keys', secret);
    expect(refused.status).toBe(401);
    expect(errorOf(refused.body).code).toBe('invalid_api_key');

    const again = await asMaster('POST', `/admin/v1/keys/${String(key.id)}/revoke`);
    expect(again.body.revoked_at).toBe(revoked.body.revoked_at);
  });

  it('rotates a key: same id and settings, old secret 401, new secret works', async () => {
    const teamId = await createTeam('rotate');
    const key = await createKey(teamId, 'team_admin');
    const oldSecret = String(key.secret);
    const rotated = await asMaster('POST', `/admin/v1/keys/${String(key.id)}/rotate`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.id).toBe(key.id);
    expect(rotated.body.role).toBe('team_admin');
    const newSecret = String(rotated.body.secret);
    expect(newSecret).toMatch(/^sk-sy-/);
    expect(newSecret).not.toBe(oldSecret);
    expect((await call('GET', '/admin/v1/keys', oldSecret)).status).toBe(401);
    expect((await call('GET', '/admin/v1/keys', newSecret)).status).toBe(200);
  });

  it("stops a team_admin at another team's keys and at admin keys", async () => {
    const ownTeam = await createTeam('own');
    const otherTeam = await createTeam('other');
    const teamAdmin = String((await createKey(ownTeam, 'team_admin')).secret);
    const otherKey = await createKey(otherTeam, 'member');

    for (const [method, url] of [
      ['GET', `/admin/v1/keys/${String(otherKey.id)}`],
      ['PATCH', `/admin/v1/keys/${String(otherKey.id)}`],
      ['POST', `/admin/v1/keys/${String(otherKey.id)}/revoke`],
      ['POST', `/admin/v1/keys/${String(otherKey.id)}/rotate`],
      ['GET', `/admin/v1/teams/${otherTeam}`],
      ['GET', `/admin/v1/keys?team_id=${otherTeam}`],
    ] as const) {
      const response = await call(
        method,
        url,
        teamAdmin,
        method === 'PATCH' ? { name: 'x' } : undefined,
      );
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(errorOf(response.body).code).toBe('forbidden_team');
    }
    const foreign = await call('POST', '/admin/v1/keys', teamAdmin, {
      name: 'k',
      team_id: otherTeam,
    });
    expect(errorOf(foreign.body).code).toBe('forbidden_team');
    const adminKey = await call('POST', '/admin/v1/keys', teamAdmin, {
      name: 'k',
      team_id: ownTeam,
      role: 'admin',
    });
    expect(adminKey.status).toBe(403);
    expect(errorOf(adminKey.body).code).toBe('insufficient_role');

    const own = await call('POST', '/admin/v1/keys', teamAdmin, { name: 'mine', team_id: ownTeam });
    expect(own.status).toBe(201);
    const renamed = await call('PATCH', `/admin/v1/keys/${String(own.body.id)}`, teamAdmin, {
      name: 'renamed',
    });
    expect(renamed.body.name).toBe('renamed');
    const teamChange = await call('PATCH', `/admin/v1/keys/${String(own.body.id)}`, teamAdmin, {
      team_id: otherTeam,
    });
    expect(teamChange.status).toBe(400);
    expect(errorOf(teamChange.body).param).toBe('team_id');
  });

  it('answers malformed input with 400 naming the field', async () => {
    const teamId = await createTeam('validation');
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/admin/v1/teams', { name: '' }, 'name'],
      ['POST', '/admin/v1/teams', { name: 't', extra: 1 }, 'extra'],
      ['POST', '/admin/v1/keys', { name: 'k', team_id: 'nope' }, 'team_id'],
      ['POST', '/admin/v1/keys', { name: 'k', team_id: teamId, limits: { rpm: -1 } }, 'limits.rpm'],
      ['POST', '/admin/v1/keys', { name: 'k', team_id: teamId, role: 'root' }, 'role'],
      ['PATCH', `/admin/v1/teams/${teamId}`, { model_allowlist: ['gpt 4'] }, 'model_allowlist[0]'],
    ];
    for (const [method, url, body, param] of cases) {
      const response = await asMaster(method as 'POST' | 'PATCH', url, body);
      expect(response.status, `${method} ${url} ${JSON.stringify(body)}`).toBe(400);
      expect(errorOf(response.body)).toMatchObject({ type: 'invalid_request_error', param });
    }
    const badCursor = await asMaster('GET', '/admin/v1/keys?cursor=garbage');
    expect(badCursor.status).toBe(400);
    expect(errorOf(badCursor.body).param).toBe('cursor');
    const badLimit = await asMaster('GET', '/admin/v1/keys?limit=1000');
    expect(errorOf(badLimit.body).param).toBe('limit');
  });

  it('answers unknown ids with 404', async () => {
    const unknownId = '5d1c6a4e-2f0b-4c3a-9d8e-7f6a5b4c3d2e';
    for (const [method, url] of [
      ['GET', `/admin/v1/teams/${unknownId}`],
      ['PATCH', `/admin/v1/teams/${unknownId}`],
      ['DELETE', `/admin/v1/teams/${unknownId}`],
      ['GET', `/admin/v1/keys/${unknownId}`],
      ['POST', `/admin/v1/keys/${unknownId}/revoke`],
      ['POST', `/admin/v1/keys/${unknownId}/rotate`],
      ['GET', '/admin/v1/keys/not-a-uuid'],
    ] as const) {
      const response = await asMaster(method, url, method === 'PATCH' ? {} : undefined);
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(errorOf(response.body).code).toBe('not_found');
    }
    const noTeam = await asMaster('POST', '/admin/v1/keys', { name: 'k', team_id: unknownId });
    expect(noTeam.status).toBe(404);
  });

  it('soft-deletes a team only once it has no active keys', async () => {
    const teamId = await createTeam('doomed');
    const key = await createKey(teamId, 'member');
    const refused = await asMaster('DELETE', `/admin/v1/teams/${teamId}`);
    expect(refused.status).toBe(409);
    expect(errorOf(refused.body).code).toBe('team_has_active_keys');
    await asMaster('POST', `/admin/v1/keys/${String(key.id)}/revoke`);
    expect((await asMaster('DELETE', `/admin/v1/teams/${teamId}`)).status).toBe(200);
    expect((await asMaster('GET', `/admin/v1/teams/${teamId}`)).status).toBe(404);
    const row = await accounting.database.db
      .selectFrom('accounting.teams')
      .select('deleted_at')
      .where('id', '=', teamId)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).toBeInstanceOf(Date);
  });

  it('serves an OpenAPI 3.1 document listing every route with its request schema', async () => {
    const response = await accounting.app.inject({ method: 'GET', url: '/admin/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{
      openapi: string;
      paths: Record<string, Record<string, Json>>;
      components: { securitySchemes: Json };
    }>();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/admin/v1/alerts/deliveries',
      '/admin/v1/alerts/webhooks',
      '/admin/v1/alerts/webhooks/{id}',
      '/admin/v1/audit',
      '/admin/v1/keys',
      '/admin/v1/keys/{id}',
      '/admin/v1/keys/{id}/revoke',
      '/admin/v1/keys/{id}/rotate',
      '/admin/v1/requests',
      '/admin/v1/requests/{request_id}',
      '/admin/v1/teams',
      '/admin/v1/teams/{id}',
      '/admin/v1/usage/credentials',
      '/admin/v1/usage/events',
      '/admin/v1/usage/events/{request_id}',
      '/admin/v1/usage/summary',
    ]);
    expect(Object.keys(document.paths['/admin/v1/keys'] ?? {}).sort()).toEqual(['get', 'post']);
    expect(Object.keys(document.paths['/admin/v1/teams/{id}'] ?? {}).sort()).toEqual([
      'delete',
      'get',
      'patch',
    ]);
    expect(document.paths['/admin/v1/keys']?.post?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: { type: 'object', additionalProperties: false, required: ['name', 'team_id'] },
        },
      },
    });
    expect(document.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer' },
    });
  });

  it('answers in the shapes its contract (libs/contracts) and OpenAPI document describe', async () => {
    const teamId = await createTeam('contract');
    const created = await createKey(teamId, 'team_admin');
    expect(keyWithSecretJsonSchema.safeParse(created).error).toBeUndefined();
    const id = String(created.id);
    for (const [url, schema] of [
      [`/admin/v1/teams/${teamId}`, teamJsonSchema],
      ['/admin/v1/teams', teamPageSchema],
      [`/admin/v1/keys/${id}`, keyJsonSchema],
      ['/admin/v1/keys', keyPageSchema],
    ] as const) {
      const answer = await asMaster('GET', url);
      expect(schema.safeParse(answer.body).error, url).toBeUndefined();
    }
    const document = (await asMaster('GET', '/admin/v1/openapi.json')).body as {
      paths: Record<string, Record<string, Json>>;
      components: { schemas: Json };
    };
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const route = `${method} ${path}`;
        const names = ((operation.parameters ?? []) as Json[])
          .filter((parameter) => parameter.in === 'path')
          .map((parameter) => `{${String(parameter.name)}}`);
        expect(names, route).toEqual(path.match(/\{\w+\}/g) ?? []);
        const success = Object.entries(operation.responses as Record<string, Json>).find(
          ([status]) => status.startsWith('2'),
        );
        const schema = JSON.stringify(success?.[1]);
        const ref = /#\/components\/schemas\/(\w+)/.exec(schema)?.[1];
        expect(ref, route).toBeDefined();
        expect(document.components.schemas, route).toHaveProperty(String(ref));
        if (method === 'post' || method === 'patch') {
          const takesBody = !path.endsWith('/revoke') && !path.endsWith('/rotate');
          expect(operation.requestBody !== undefined, route).toBe(takesBody);
        }
      }
    }
  });
});
