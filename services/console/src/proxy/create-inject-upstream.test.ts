import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerConsole } from '../register-console.js';
import { createInjectUpstream } from './create-inject-upstream.js';

// The standalone process mounts the console on the instance that serves the admin API and the
// gateway; this is that, in small.
describe('registerConsole with createInjectUpstream', () => {
  it('logs in and proxies through the same instance, under the given prefix', async () => {
    const app = Fastify();
    app.get('/v1/key', async (request, reply) =>
      request.headers.authorization === 'Bearer sk-sy-master'
        ? { data: { id: 'master', name: 'master key', role: 'admin', team: null } }
        : reply.code(401).send({
            error: {
              message: 'Invalid API key.',
              type: 'authentication_error',
              code: 'invalid_api_key',
              param: null,
            },
          }),
    );
    app.get('/admin/v1/teams', async (request) => ({
      data: [],
      next_cursor: null,
      seen: request.headers.authorization,
    }));
    registerConsole(app, { upstream: createInjectUpstream(app), prefix: '/ui' });
    const login = await app.inject({
      method: 'POST',
      url: '/ui/api/session',
      payload: { key: 'sk-sy-master' },
    });
    expect(login.statusCode).toBe(201);
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    expect(String(login.headers['set-cookie'])).toContain('Path=/ui');
    const teams = await app.inject({
      method: 'GET',
      url: '/ui/api/admin/teams',
      headers: { cookie },
    });
    expect(teams.json()).toEqual({ data: [], next_cursor: null, seen: 'Bearer sk-sy-master' });
    const page = await app.inject({ method: 'GET', url: '/ui/' });
    expect(page.body).toContain('data-base="/ui"');
    await app.close();
  });
});
