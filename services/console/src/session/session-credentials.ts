import { ACTOR_HEADER, signActorAssertion } from '@switchyard/service-kit';
import { consoleErrors } from '../console-errors.js';
import type { UpstreamTarget } from '../proxy/console-upstream.js';
import type { ConsoleSession } from './console-session.js';

/** The headers that authenticate a session's call to one of the APIs. */
export type SessionCredentials = (
  session: ConsoleSession,
  target: UpstreamTarget,
) => Record<string, string>;

/**
 * A key session calls with its key as `Authorization: Bearer`. An SSO session has no key: the
 * console vouches for the person with a fresh `x-switchyard-actor` assertion, HMAC-signed with
 * the secret it shares with the admin APIs and valid for 30 s (docs/architecture.md, "Console
 * SSO"). The gateway takes keys only, so an SSO session's gateway calls are refused here.
 */
export function createSessionCredentials(actorSecret: string | undefined): SessionCredentials {
  return (session, target): Record<string, string> => {
    if (session.key !== null) return { authorization: `Bearer ${session.key}` };
    const { sso, identity } = session;
    if (sso === undefined || actorSecret === undefined || identity.role === 'member') {
      throw consoleErrors.sessionRequired();
    }
    if (target === 'gateway') throw consoleErrors.gatewayNeedsKey();
    return {
      [ACTOR_HEADER]: signActorAssertion(actorSecret, {
        subject: sso.subject,
        role: identity.role,
        teamId: identity.role === 'admin' ? null : (identity.team?.id ?? ''),
      }),
    };
  };
}
