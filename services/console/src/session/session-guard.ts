import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { consoleErrors } from '../console-errors.js';
import type { ConsoleSession } from './console-session.js';
import { isSecureRequest } from './is-secure-request.js';
import { readCookie, SESSION_COOKIE, serializeSessionCookie } from './session-cookie.js';
import type { SessionStore } from './session-store.js';

/** Finds the caller's session and checks CSRF tokens; sets and clears the cookie. */
export interface SessionGuard {
  /** The live session of this request, if any. */
  current(request: FastifyRequest): ConsoleSession | undefined;
  /** The live session, else 401; for anything but GET/HEAD the CSRF header must match, else 403. */
  require(request: FastifyRequest): ConsoleSession;
  setCookie(request: FastifyRequest, reply: FastifyReply, session: ConsoleSession): void;
  clearCookie(request: FastifyRequest, reply: FastifyReply): void;
}

/** The session guard for cookies scoped to `path`. */
export function createSessionGuard(
  sessions: SessionStore,
  options: { path: string; maxAgeMs: number },
): SessionGuard {
  const current = (request: FastifyRequest) => {
    const id = readCookie(request.headers.cookie, SESSION_COOKIE);
    return id === undefined ? undefined : sessions.get(id);
  };
  return {
    current,
    require(request) {
      const session = current(request);
      if (session === undefined) throw consoleErrors.sessionRequired();
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        const header = request.headers['x-csrf-token'];
        const token = Array.isArray(header) ? header[0] : header;
        if (token === undefined || !sameText(token, session.csrfToken)) {
          throw consoleErrors.csrfTokenInvalid();
        }
      }
      return session;
    },
    setCookie(request, reply, session) {
      reply.header(
        'set-cookie',
        serializeSessionCookie(session.id, {
          path: options.path,
          secure: isSecureRequest(request),
          maxAgeSeconds: options.maxAgeMs / 1000,
        }),
      );
    },
    clearCookie(request, reply) {
      reply.header(
        'set-cookie',
        serializeSessionCookie('', {
          path: options.path,
          secure: isSecureRequest(request),
          maxAgeSeconds: 0,
        }),
      );
    },
  };
}

function sameText(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
