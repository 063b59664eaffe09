import { createServiceMetrics } from '@switchyard/telemetry';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServiceApp } from '../create-service-app.js';
import { buildOpenapi } from './build-openapi.js';
import { createAdminAuthenticator } from './create-admin-authenticator.js';
import { createAdminRouter } from './create-admin-router.js';

const TEAM = '11111111-1111-4111-8111-111111111111';
const keys = {
  'sk-team-admin': { id: 'k1', role: 'team_admin', teamId: TEAM },
  'sk-member': { id: 'k2', role: 'member', teamId: TEAM },
} as const;

const apps: Array<ReturnType<typeof createServiceApp>> = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

const widgetSchema = z.object({ id: z.uuid(), name: z.string(), seen_by: z.string() });

function build() {
  const app = createServiceApp({
    name: 'test',
    logLevel: 'silent',
    bodyLimitBytes: 1024,
    metrics: createServiceMetrics('test'),
    readiness: { draining: false, checks: [] },
  });
  apps.push(app);
  const authenticate = createAdminAuthenticator({
    masterKey: 'sk-master',
    findLiveKey: async (secret) => (secret in keys ? keys[secret as keyof typeof keys] : undefined),
  });
  const router = createAdminRouter(app, { authenticate });
  router.route({
    method: 'PATCH',
    path: '/admin/v1/widgets/{id}',
    summary: 'Rename a widget',
    access: 'team_admin',
    pathParameter: { schema: z.uuid(), notFound: (id) => `No widget with id '${id}'.` },
    query: z.strictObject({ dry_run: z.enum(['true', 'false']).optional() }),
    body: z.strictObject({ name: z.string().min(1) }),
    response: { status: 201, description: 'The widget.', schema: widgetSchema },
    handler: async ({ caller, param, body }) => ({
      id: param,
      name: body.name,
      seen_by: caller.keyId ?? 'master',
    }),
  });
  router.route({
    method: 'POST',
    path: '/admin/v1/widgets/{id}/reset',
    summary: 'Reset a widget (admin only)',
    access: 'admin',
    deniedMessage: 'Only an admin may reset widgets.',
    pathParameter: { schema: z.uuid(), notFound: (id) => `No widget with id '${id}'.` },
    acceptEmptyBody: true,
    response: { status: 200, description: 'The widget.', schema: widgetSchema },
    handler: async ({ param }) => ({ id: param, name: 'reset', seen_by: 'master' }),
  });
  return { app, router };
}

const patch = (
  app: ReturnType<typeof build>['app'],
  options: { key?: string; id?: string; url?: string; body?: unknown },
) =>
  app.inject({
    method: 'PATCH',
    url: options.url ?? `/admin/v1/widgets/${options.id ?? TEAM}`,
    headers: options.key === undefined ? {} : { authorization: `Bearer ${options.key}` },
    payload: (options.body ?? { name: 'renamed' }) as Record<string, unknown>,
  });

describe('createAdminRouter', () => {
  it('authenticates, checks the role, parses input and answers with the route status', async () => {
    const { app } = build();
    const answer = await patch(app, { key: 'sk-team-admin' });
    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toEqual({ id: TEAM, name: 'renamed', seen_by: 'k1' });
    const master = await app.inject({
      method: 'PATCH',
      url: `/admin/v1/widgets/${TEAM}`,
      headers: { 'x-api-key': 'sk-master' },
      payload: { name: 'x' },
    });
    expect(master.json()).toMatchObject({ seen_by: 'master' });
  });

  it('refuses callers before it reads their input: 401, then 403 with the route message', async () => {
    const { app } = build();
    const missing = await patch(app, { body: { bad: true } });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('missing_api_key');
    const invalid = await patch(app, { key: 'sk-nope', body: { bad: true } });
    expect(invalid.json().error.code).toBe('invalid_api_key');
    const member = await patch(app, { key: 'sk-member', body: { bad: true } });
    expect(member.statusCode).toBe(403);
    expect(member.json().error).toMatchObject({
      code: 'insufficient_role',
      message: 'This key may not use this admin route.',
    });
    const reset = await app.inject({
      method: 'POST',
      url: `/admin/v1/widgets/${TEAM}/reset`,
      headers: { authorization: 'Bearer sk-team-admin' },
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.message).toBe('Only an admin may reset widgets.');
  });

  it('answers a path parameter no row can have with 404, bad query and body with 400 naming the field', async () => {
    const { app } = build();
    const notFound = await patch(app, { key: 'sk-master', id: 'not-a-uuid' });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().error).toMatchObject({
      code: 'not_found',
      message: "No widget with id 'not-a-uuid'.",
    });
    const unknownField = await patch(app, { key: 'sk-master', body: { name: 'x', colour: 'red' } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error).toMatchObject({
      param: 'colour',
      message: "Invalid request: unknown field 'colour'.",
    });
    const empty = await patch(app, { key: 'sk-master', body: { name: '' } });
    expect(empty.json().error).toMatchObject({ code: 'invalid_request', param: 'name' });
    const query = await patch(app, {
      key: 'sk-master',
      url: `/admin/v1/widgets/${TEAM}?dry_run=maybe`,
    });
    expect(query.statusCode).toBe(400);
    expect(query.json().error.param).toBe('dry_run');
  });

  it('accepts an empty body with a JSON content-type on routes that read none', async () => {
    const { app } = build();
    const reset = await app.inject({
      method: 'POST',
      url: `/admin/v1/widgets/${TEAM}/reset`,
      headers: { authorization: 'Bearer sk-master', 'content-type': 'application/json' },
    });
    expect(reset.statusCode).toBe(200);
  });

  it('records the routes the OpenAPI document is generated from', async () => {
    const { router } = build();
    const document = buildOpenapi({
      title: 'Widgets',
      routes: router.routes,
      components: { Widget: widgetSchema },
      errors: { '404': 'No such widget.' },
    }) as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    expect(document.openapi).toBe('3.1.0');
    const operation = document.paths['/admin/v1/widgets/{id}']?.patch;
    expect(operation?.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'dry_run', in: 'query', required: false }),
    ]);
    expect(operation?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: { type: 'object', additionalProperties: false, required: ['name'] },
        },
      },
    });
    expect(operation?.responses).toMatchObject({
      '201': {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Widget' } } },
      },
      '404': {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    });
    expect(document.paths['/admin/v1/widgets/{id}/reset']?.post?.requestBody).toBeUndefined();
    expect(document.components.schemas.Widget).toMatchObject({
      type: 'object',
      required: ['id', 'name', 'seen_by'],
    });
    expect(document.components.schemas.Widget).not.toHaveProperty('$schema');
    expect(document.components.schemas.Error).toHaveProperty('properties.error');
  });
});
