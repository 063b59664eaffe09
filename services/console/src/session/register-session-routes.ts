import { apiErrors } from '@switchyard/service-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { consoleErrors } from '../console-errors.js';
import type { ConsoleUpstream } from '../proxy/console-upstream.js';
import { forwardUpstream } from '../proxy/forward-upstream.js';
import type { ConsoleSession } from './console-session.js';
import { fetchIdentity } from './fetch-identity.js';
import type { SessionCredentials } from './session-credentials.js';
import type { SessionGuard } from './session-guard.js';
import type { SessionStore } from './session-store.js';

const loginSchema = z.object({ key: z.string().trim().min(1).max(1024) });

export interface SessionRouteDeps {
  sessions: SessionStore;
  guard: SessionGuard;
  upstream: ConsoleUpstream;
  credentials: SessionCredentials;
  /** The provider's logout URL for an SSO session (undefined when it has none). */
  endSessionUrl?: (session: ConsoleSession) => Promise<string | undefined>;
}

/**
 * `POST /api/session` logs in with a pasted key (checked against the gateway's `GET /v1/key`),
 * `GET /api/session` says who is logged in (and the CSRF token), `DELETE` logs out, and
 * `GET /api/key` shows the logged-in key as the gateway enforces it.
 */
export function registerSessionRoutes(scope: FastifyInstance, deps: SessionRouteDeps): void {
  const { sessions, guard, upstream, credentials } = deps;

  scope.post('/api/session', async (request, reply) => {
    assertSameOrigin(request);
    const parsed = loginSchema.safeParse(request.body);
    if (!parsed.success) throw apiErrors.invalidRequest('Paste a Switchyard key to log in.', 'key');
    const identity = await fetchIdentity(upstream, parsed.data.key, request.id);
    const previous = guard.current(request);
    if (previous !== undefined) sessions.delete(previous.id);
    const session = sessions.create(parsed.data.key, identity);
    guard.setCookie(request, reply, session);
    request.log.info({ keyId: identity.keyId, role: identity.role }, 'console login');
    return reply.code(201).header('cache-control', 'no-store').send(toSessionJson(session));
  });

  scope.get('/api/session', async (request, reply) => {
    const session = guard.require(request);
    return reply.header('cache-control', 'no-store').send(toSessionJson(session));
  });

  scope.delete('/api/session', async (request, reply) => {
    const session = guard.require(request);
    sessions.delete(session.id);
    guard.clearCookie(request, reply);
    // An SSO session also ends at the provider, when it has an end_session_endpoint: the page
    // goes there next, and the provider sends it back to the console.
    const logoutUrl =
      session.sso === undefined
        ? undefined
        : await deps.endSessionUrl?.(session).catch(() => undefined);
    request.log.info({ keyId: session.identity.keyId }, 'console logout');
    return reply
      .header('cache-control', 'no-store')
      .send({ object: 'console.session', deleted: true, logout_url: logoutUrl ?? null });
  });

  scope.get('/api/key', async (request, reply) => {
    const session = guard.require(request);
    return forwardUpstream(request, reply, {
      upstream,
      target: 'gateway',
      path: '/v1/key',
      session,
      credentials,
      onUnauthorized: () => {
        sessions.delete(session.id);
        guard.clearCookie(request, reply);
      },
    });
  });
}

/** A session as the browser sees it: who, which role, and the CSRF token; never the key. */
function toSessionJson(session: ConsoleSession) {
  const { identity } = session;
  return {
    object: 'console.session',
    role: identity.role,
    key: { id: identity.keyId, name: identity.keyName, prefix: identity.keyPrefix },
    team: identity.team,
    sso: session.sso === undefined ? null : { subject: session.sso.subject },
    csrf_token: session.csrfToken,
  };
}

/** A login must come from a page of this origin (browsers always send `Origin` on POST). */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw consoleErrors.crossOrigin();
  }
  if (host !== request.headers.host) throw consoleErrors.crossOrigin();
}
