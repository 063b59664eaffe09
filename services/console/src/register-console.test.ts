import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildConsoleApp } from './app.js';
import { createSessionStore, type SessionStore } from './session/session-store.js';
import { type FakeAdminApi, startFakeAdminApi } from './testing/start-fake-admin-api.js';

let admin: FakeAdminApi;
let catalog: FakeAdminApi;
let app: FastifyInstance;
let clock = 0;
let sessions: SessionStore;
const IDLE_MS = 60_000;

beforeAll(async () => {
  admin = await startFakeAdminApi('admin');
  catalog = await startFakeAdminApi('catalog');
});

afterAll(async () => {
  await app?.close();
  await Promise.all([admin?.close(), catalog?.close()]);
});

beforeEach(async () => {
  await app?.close();
  clock = 1_000_000;
  sessions = createSessionStore({ idleMs: IDLE_MS, maxAgeMs: 10 * IDLE_MS, now: () => clock });
  app = buildConsoleApp(
    {
      adminUrl: admin.url,
      catalogUrl: catalog.url,
      gatewayUrl: admin.url,
      sessionIdleMs: IDLE_MS,
      sessionMaxAgeMs: 10 * IDLE_MS,
      logLevel: 'silent',
      bodyLimitBytes: 1_048_576,
    },
    { sessions },
  ).app;
  admin.calls.length = 0;
  catalog.calls.length = 0;
});

/** Logs in with `key`; returns the cookie header to send and the CSRF token. */
async function login(key: string, headers: Record<string, string> = {}) {
  const response = await app.inject({
    method: 'POST',
    url: '/console/api/session',
    headers: { host: 'console.test', ...headers },
    payload: { key },
  });
  const setCookie = String(response.headers['set-cookie'] ?? '');
  return {
    response,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
    csrf: (response.json() as { csrf_token?: string }).csrf_token ?? '',
  };
}

describe('console login and session', () => {
  it('logs in with a key the gateway knows: an HttpOnly SameSite=Strict cookie, never the key', async () => {
    const { response, setCookie } = await login('sk-sy-admin');
    expect(response.statusCode).toBe(201);
    expect(setCookie).toMatch(
      /^sy_console_session=[\w-]{43}; Path=\/console; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    );
    const body = response.json();
    expect(body).toMatchObject({ role: 'admin', key: { id: 'master' }, team: null });
    expect(JSON.stringify(body)).not.toContain('sk-sy-admin');
    expect(admin.calls).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/v1/key',
        authorization: 'Bearer sk-sy-admin',
      }),
    ]);
  });

  it('marks the cookie Secure when the request came over TLS', async () => {
    const { setCookie } = await login('sk-sy-admin', { 'x-forwarded-proto': 'https' });
    expect(setCookie).toMatch(/; Secure$/);
  });

  it("refuses an unknown key with the gateway's error and sets no cookie", async () => {
    const { response } = await login('sk-sy-wrong');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: {
        message: 'Invalid API key.',
        type: 'authentication_error',
        code: 'invalid_api_key',
        param: null,
      },
    });
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a login posted from another origin', async () => {
    const { response } = await login('sk-sy-admin', { origin: 'https://evil.example' });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('cross_origin_request');
    const same = await login('sk-sy-admin', { origin: 'http://console.test' });
    expect(same.response.statusCode).toBe(201);
  });

  it('answers who is logged in, expires idle sessions, and logs out', async () => {
    const { cookie, csrf } = await login('sk-sy-team-admin');
    const who = await app.inject({
      method: 'GET',
      url: '/console/api/session',
      headers: { cookie },
    });
    expect(who.json()).toMatchObject({
      role: 'team_admin',
      team: { name: 'platform' },
      csrf_token: csrf,
    });
    clock += IDLE_MS;
    const expired = await app.inject({
      method: 'GET',
      url: '/console/api/session',
      headers: { cookie },
    });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('session_required');

    const again = await login('sk-sy-admin');
    const noToken = await app.inject({
      method: 'DELETE',
      url: '/console/api/session',
      headers: { cookie: again.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    const out = await app.inject({
      method: 'DELETE',
      url: '/console/api/session',
      headers: { cookie: again.cookie, 'x-csrf-token': again.csrf },
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await app.inject({
      method: 'GET',
      url: '/console/api/admin/teams',
      headers: { cookie: again.cookie },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('console proxy to the admin API', () => {
  it('needs a session', async () => {
    const response = await app.inject({ method: 'GET', url: '/console/api/admin/teams' });
    expect(response.statusCode).toBe(401);
    expect(admin.calls).toHaveLength(0);
  });

  it("forwards reads with the session's key, query included, and passes the answer through", async () => {
    const { cookie } = await login('sk-sy-admin');
    admin.calls.length = 0;
    const response = await app.inject({
      method: 'GET',
      url: '/console/api/admin/keys?limit=20&team_id=22222222-2222-4222-8222-222222222222',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({
      served_by: 'admin',
      url: '/admin/v1/keys?limit=20&team_id=22222222-2222-4222-8222-222222222222',
    });
    expect(admin.calls[0]?.authorization).toBe('Bearer sk-sy-admin');
  });

  it('requires the CSRF token on writes, then forwards the JSON body', async () => {
    const { cookie, csrf } = await login('sk-sy-admin');
    admin.calls.length = 0;
    const refused = await app.inject({
      method: 'POST',
      url: '/console/api/admin/teams',
      headers: { cookie, 'x-csrf-token': 'not-the-token' },
      payload: { name: 'research' },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('csrf_token_invalid');
    expect(admin.calls).toHaveLength(0);
    const created = await app.inject({
      method: 'POST',
      url: '/console/api/admin/teams',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: 'research' },
    });
    expect(created.statusCode).toBe(201);
    expect(admin.calls[0]).toMatchObject({
      method: 'POST',
      url: '/admin/v1/teams',
      body: { name: 'research' },
    });
  });

  it('sends catalog routes to the catalog API, model ids with their slash', async () => {
    const { cookie, csrf } = await login('sk-sy-admin');
    const response = await app.inject({
      method: 'PATCH',
      url: '/console/api/admin/models/openai/gpt-4o',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { enabled: false },
    });
    expect(response.json()).toMatchObject({
      served_by: 'catalog',
      url: '/admin/v1/models/openai/gpt-4o',
    });
  });

  it('forwards nothing outside the allow-list', async () => {
    const { cookie, csrf } = await login('sk-sy-admin');
    admin.calls.length = 0;
    for (const [method, path] of [
      ['GET', 'openapi.json'],
      ['DELETE', 'keys/11111111-1111-4111-8111-111111111111'],
      ['GET', 'models/..%2F..%2Fv1/key'],
    ] as const) {
      const response = await app.inject({
        method,
        url: `/console/api/admin/${path}`,
        headers: { cookie, 'x-csrf-token': csrf },
      });
      expect(response.statusCode).toBe(404);
    }
    expect(admin.calls).toHaveLength(0);
    expect(catalog.calls).toHaveLength(0);
  });

  it("lets a member read only usage, pinned to the member's own key", async () => {
    const { cookie } = await login('sk-sy-member');
    admin.calls.length = 0;
    const keys = await app.inject({
      method: 'GET',
      url: '/console/api/admin/keys',
      headers: { cookie },
    });
    expect(keys.statusCode).toBe(403);
    expect(admin.calls).toHaveLength(0);
    const usage = await app.inject({
      method: 'GET',
      url: '/console/api/admin/usage/events?team_id=other&key_id=someone-else&limit=5',
      headers: { cookie },
    });
    expect(usage.statusCode).toBe(200);
    expect(usage.json().url).toBe(
      '/admin/v1/usage/events?key_id=33333333-3333-4333-8333-333333333333&limit=5',
    );
    // The fake answers a record without this member's key id: the console does not show it.
    const other = await app.inject({
      method: 'GET',
      url: '/console/api/admin/usage/events/req_of_someone_else',
      headers: { cookie },
    });
    expect(other.statusCode).toBe(404);
    const own = await app.inject({
      method: 'GET',
      url: '/console/api/admin/usage/events/mine-33333333-3333-4333-8333-333333333333',
      headers: { cookie },
    });
    expect(own.statusCode).toBe(200);
  });

  it('ends the session when the API refuses the key (revoked)', async () => {
    const session = sessions.create('sk-sy-revoked', {
      keyId: 'x',
      keyName: 'x',
      keyPrefix: null,
      role: 'admin',
      team: null,
    });
    const cookie = `sy_console_session=${session.id}`;
    const refused = await app.inject({
      method: 'GET',
      url: '/console/api/admin/teams',
      headers: { cookie },
    });
    expect(refused.statusCode).toBe(401);
    expect(String(refused.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await app.inject({
      method: 'GET',
      url: '/console/api/session',
      headers: { cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('says plainly when the admin API cannot be reached', async () => {
    const offline = buildConsoleApp(
      {
        adminUrl: 'http://127.0.0.1:9',
        catalogUrl: 'http://127.0.0.1:9',
        gatewayUrl: admin.url,
        sessionIdleMs: IDLE_MS,
        sessionMaxAgeMs: IDLE_MS,
        logLevel: 'silent',
        bodyLimitBytes: 1_048_576,
      },
      { sessions },
    ).app;
    const { cookie } = await login('sk-sy-admin');
    const response = await offline.inject({
      method: 'GET',
      url: '/console/api/admin/teams',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('admin_api_unreachable');
    await offline.close();
  });
});

describe('console UI', () => {
  it('serves the page with a strict CSP and its bundled script and stylesheet, nothing remote', async () => {
    const page = await app.inject({ method: 'GET', url: '/console/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const [, script] = /src="(\/console\/assets\/app-\w+\.js)"/.exec(page.body) ?? [];
    const [, style] = /href="(\/console\/assets\/app-\w+\.css)"/.exec(page.body) ?? [];
    expect(page.body).not.toMatch(/(src|href)="https?:/);
    const js = await app.inject({ method: 'GET', url: script ?? '' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.body.length).toBeGreaterThan(10_000);
    expect(js.body).not.toMatch(/import\s*["']https?:/);
    const zipped = await app.inject({
      method: 'GET',
      url: script ?? '',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.rawPayload.length).toBeLessThan(js.body.length / 2);
    const css = await app.inject({ method: 'GET', url: style ?? '' });
    expect(css.headers['content-type']).toContain('text/css');
    const root = await app.inject({ method: 'GET', url: '/' });
    expect(root.headers.location).toBe('/console/');
    const stale = await app.inject({ method: 'GET', url: '/console/assets/app-000000000000.js' });
    expect(stale.statusCode).toBe(404);
  });
});
