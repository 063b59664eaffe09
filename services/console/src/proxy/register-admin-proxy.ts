import type { FastifyInstance } from 'fastify';
import { consoleErrors } from '../console-errors.js';
import type { SessionCredentials } from '../session/session-credentials.js';
import type { SessionGuard } from '../session/session-guard.js';
import type { SessionStore } from '../session/session-store.js';
import type { ConsoleUpstream } from './console-upstream.js';
import { forwardUpstream } from './forward-upstream.js';
import { matchAdminRoute } from './match-admin-route.js';

export interface AdminProxyDeps {
  sessions: SessionStore;
  guard: SessionGuard;
  upstream: ConsoleUpstream;
  credentials: SessionCredentials;
}

const METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;

/**
 * `/api/admin/<path>` → `/admin/v1/<path>` on the admin or catalog API, for allow-listed routes
 * only, with the session's key. Member sessions may only read usage, pinned to their own key.
 */
export function registerAdminProxy(scope: FastifyInstance, deps: AdminProxyDeps): void {
  const { sessions, guard, upstream, credentials } = deps;
  scope.route({
    method: [...METHODS],
    url: '/api/admin/*',
    handler: async (request, reply) => {
      const session = guard.require(request);
      const raw = request.raw.url ?? '';
      const marker = raw.indexOf('/api/admin/');
      const rest = raw.slice(marker + '/api/admin/'.length);
      const queryAt = rest.indexOf('?');
      const path = queryAt < 0 ? rest : rest.slice(0, queryAt);
      const query = new URLSearchParams(queryAt < 0 ? '' : rest.slice(queryAt + 1));
      const match = matchAdminRoute(request.method, path);
      if (match === undefined) throw consoleErrors.routeNotAllowed(request.method, path);
      if (session.identity.role === 'member') {
        if (!match.forMembers) throw consoleErrors.memberNotAllowed();
        if (match.scopeToKey) {
          query.delete('team_id');
          query.set('key_id', session.identity.keyId);
        }
      }
      const ownKeyOnly = session.identity.role === 'member' && !match.scopeToKey;
      const search = query.toString();
      return forwardUpstream(request, reply, {
        upstream,
        target: match.target,
        path: `/admin/v1/${path}${search === '' ? '' : `?${search}`}`,
        session,
        credentials,
        onUnauthorized: () => {
          sessions.delete(session.id);
          guard.clearCookie(request, reply);
        },
        // Exports stream through (the request log and usage summary, `format=csv`).
        download: match.exports && query.get('format') === 'csv',
        // A member reads one request only if its own key made it, whatever the API allows.
        ...(ownKeyOnly && { visible: (body: string) => keyIdOf(body) === session.identity.keyId }),
      });
    },
  });
}

/** The `key_id` of a JSON record, if it has one. */
function keyIdOf(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && 'key_id' in parsed
      ? parsed.key_id
      : undefined;
  } catch {
    return undefined;
  }
}
