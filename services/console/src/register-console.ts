import type { FastifyInstance } from 'fastify';
import type { ConsoleUpstream } from './proxy/console-upstream.js';
import { registerAdminProxy } from './proxy/register-admin-proxy.js';
import { registerSessionRoutes } from './session/register-session-routes.js';
import { createSessionCredentials } from './session/session-credentials.js';
import { createSessionGuard } from './session/session-guard.js';
import { createSessionStore, type SessionStore } from './session/session-store.js';
import { createOidcClient } from './sso/create-oidc-client.js';
import { createPendingSignIns } from './sso/pending-sign-ins.js';
import { createEndSessionUrl, registerSsoRoutes } from './sso/register-sso-routes.js';
import type { SsoConfig } from './sso/sso-config.js';
import { loadUiBundle } from './ui-bundle/load-ui-bundle.js';
import { registerUiRoutes } from './ui-bundle/register-ui-routes.js';
import type { UiBundle } from './ui-bundle/ui-bundle.js';

export interface ConsoleOptions {
  /** How the console reaches the admin, catalog and gateway APIs (HTTP, or inject in-process). */
  upstream: ConsoleUpstream;
  /** Where the console is mounted; default `/console`. */
  prefix?: string;
  /** A session ends after this long without a request; default 8 h. */
  sessionIdleMs?: number;
  /** …and this long after login in any case; default 24 h. */
  sessionMaxAgeMs?: number;
  /** A ready-made session store (tests); else one in memory. */
  sessions?: SessionStore;
  /** Sign-in through an OpenID Connect provider, besides key login; default off. */
  sso?: SsoConfig;
  /** Where the UI comes from; default the esbuild bundle of `ui/`, built once per process. */
  bundle?: () => Promise<UiBundle>;
}

/**
 * Mounts the console on `app` under its prefix: the single-page UI, the session routes and the
 * allow-listed proxy to the admin API. Every console error is the OpenAI error body of `app`'s
 * error handler. Starts bundling the UI at once, so the first page load does not wait for it.
 */
export function registerConsole(app: FastifyInstance, options: ConsoleOptions): void {
  const prefix = (options.prefix ?? '/console').replace(/\/+$/, '');
  if (!/^(\/[A-Za-z0-9_-]+)+$/.test(prefix)) {
    throw new Error(`registerConsole: prefix '${prefix}' must look like '/console'.`);
  }
  const maxAgeMs = options.sessionMaxAgeMs ?? 24 * 3_600_000;
  const sessions =
    options.sessions ??
    createSessionStore({ idleMs: options.sessionIdleMs ?? 8 * 3_600_000, maxAgeMs });
  const guard = createSessionGuard(sessions, { path: prefix, maxAgeMs });
  const bundle = options.bundle ?? loadUiBundle;
  void bundle().catch((error: unknown) =>
    app.log.error({ err: error }, 'console UI bundle failed'),
  );
  const { sso, upstream } = options;
  const credentials = createSessionCredentials(sso?.actorSecret);
  const client = sso === undefined ? undefined : createOidcClient(sso);
  void app.register(
    async (scope) => {
      registerUiRoutes(scope, prefix, bundle);
      registerSessionRoutes(scope, {
        sessions,
        guard,
        upstream,
        credentials,
        ...(sso !== undefined &&
          client !== undefined && { endSessionUrl: createEndSessionUrl(sso, client) }),
      });
      registerAdminProxy(scope, { sessions, guard, upstream, credentials });
      // Tells the login page whether to offer SSO; public, it says nothing about anyone.
      scope.get('/api/auth', async (_request, reply) =>
        reply.header('cache-control', 'no-store').send({
          object: 'console.auth',
          sso: sso === undefined ? null : { login_url: `${prefix}/auth/sso/login` },
        }),
      );
      if (sso !== undefined && client !== undefined) {
        registerSsoRoutes(scope, {
          config: sso,
          client,
          pending: createPendingSignIns(),
          sessions,
          guard,
          upstream,
          prefix,
        });
      }
    },
    { prefix },
  );
}
