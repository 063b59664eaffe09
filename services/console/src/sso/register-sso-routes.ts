import type { FastifyInstance, FastifyReply } from 'fastify';
import * as oidc from 'openid-client';
import type { ConsoleUpstream } from '../proxy/console-upstream.js';
import type { ConsoleIdentity } from '../session/console-session.js';
import { isSecureRequest } from '../session/is-secure-request.js';
import { readCookie } from '../session/session-cookie.js';
import type { SessionGuard } from '../session/session-guard.js';
import type { SessionStore } from '../session/session-store.js';
import { SECURITY_HEADERS } from '../ui-bundle/security-headers.js';
import type { OidcClient } from './create-oidc-client.js';
import { mapClaimsToRole } from './map-claims-to-role.js';
import type { PendingSignIns } from './pending-sign-ins.js';
import { renderSsoPage } from './render-sso-page.js';
import { resolveTeam } from './resolve-team.js';
import type { SsoConfig } from './sso-config.js';

/** The cookie tying the provider's redirect back to the sign-in this browser started. */
export const SIGN_IN_COOKIE = 'sy_console_sso';

export interface SsoRouteDeps {
  config: SsoConfig;
  client: OidcClient;
  pending: PendingSignIns;
  sessions: SessionStore;
  guard: SessionGuard;
  upstream: ConsoleUpstream;
  /** The console's mount point, e.g. `/console`. */
  prefix: string;
}

/**
 * `GET auth/sso/login` sends the browser to the provider (authorization code, PKCE S256, state,
 * nonce); `GET auth/sso/callback` exchanges the code, verifies the ID token (signature against
 * the provider's keys, issuer, audience, expiry, nonce), maps the groups claim to a role and
 * opens a console session. A person no mapping covers gets a page saying so, and no session.
 */
export function registerSsoRoutes(scope: FastifyInstance, deps: SsoRouteDeps): void {
  const { config, client, pending, sessions, guard, prefix } = deps;
  const cookiePath = `${prefix}/auth/sso`;
  const page = (reply: FastifyReply, status: number, title: string, lines: string[]) =>
    reply
      .code(status)
      .headers(SECURITY_HEADERS)
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(renderSsoPage(prefix, title, lines.join(' ')));

  scope.get('/auth/sso/login', async (request, reply) => {
    const configuration = await client().catch((error: unknown) => {
      request.log.error({ err: describe(error) }, 'SSO provider discovery failed');
      return undefined;
    });
    if (configuration === undefined) {
      return page(reply, 502, 'The identity provider cannot be reached', [
        "The console could not read the identity provider's configuration.",
        'Try again in a moment; if it persists, an administrator should check SWITCHYARD_SSO_ISSUER.',
      ]);
    }
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const id = pending.add({ state, nonce, codeVerifier });
    const target = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: config.redirectUrl,
      scope: config.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    // Lax, not Strict: the provider's redirect back is a cross-site navigation.
    const secure = isSecureRequest(request) ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${SIGN_IN_COOKIE}=${id}; Path=${cookiePath}; Max-Age=600; HttpOnly; SameSite=Lax${secure}`,
    );
    return reply.header('cache-control', 'no-store').redirect(target.href, 303);
  });

  scope.get('/auth/sso/callback', async (request, reply) => {
    const secure = isSecureRequest(request) ? '; Secure' : '';
    reply.header(
      'set-cookie',
      `${SIGN_IN_COOKIE}=; Path=${cookiePath}; Max-Age=0; HttpOnly; SameSite=Lax${secure}`,
    );
    const id = readCookie(request.headers.cookie, SIGN_IN_COOKIE);
    const signIn = id === undefined ? undefined : pending.take(id);
    if (signIn === undefined) {
      return page(reply, 400, 'This sign-in has expired', [
        'The sign-in was not started from this browser, took longer than ten minutes, or was already used.',
        'Start again from the console.',
      ]);
    }
    const query = new URL(request.raw.url ?? '/', 'http://console.invalid').search;
    const currentUrl = new URL(`${config.redirectUrl}${query}`);
    let claims: Record<string, unknown>;
    let idToken: string;
    try {
      const configuration = await client();
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: signIn.codeVerifier,
        expectedState: signIn.state,
        expectedNonce: signIn.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (idClaims === undefined || tokens.id_token === undefined) throw new Error('no ID token');
      idToken = tokens.id_token;
      claims = { ...idClaims };
      // Groups often live only in the userinfo answer; the ID token's claims win on conflict.
      if (configuration.serverMetadata().userinfo_endpoint !== undefined) {
        const info = await oidc
          .fetchUserInfo(configuration, tokens.access_token, idClaims.sub)
          .catch(() => undefined);
        if (info !== undefined) claims = { ...info, ...idClaims };
      }
    } catch (error: unknown) {
      request.log.warn({ err: describe(error) }, 'SSO sign-in refused');
      return page(reply, 401, 'Sign-in failed', [
        "The identity provider's answer could not be verified (a wrong, tampered or expired token, or a cancelled sign-in).",
        'Start again from the console.',
      ]);
    }
    const subject = String(claims.sub);
    const who = displayName(claims);
    const mapped = mapClaimsToRole(claims, config.groupsClaim, config.roleMappings);
    if (mapped === undefined) {
      request.log.warn({ subject }, 'SSO sign-in with no mapped group');
      return page(reply, 403, 'No console role for this account', [
        `You signed in as ${who}, but none of your groups (claim "${config.groupsClaim}") is mapped to a console role.`,
        'Ask a Switchyard administrator to add you to a mapped group, or to map one of yours.',
      ]);
    }
    let team: { id: string; name: string } | null = null;
    if (mapped.role === 'team_admin') {
      const found = await resolveTeam(
        deps.upstream,
        config.actorSecret,
        mapped.team,
        request.id,
      ).catch((error: unknown) => {
        request.log.error({ err: describe(error) }, 'SSO team lookup failed');
        return null;
      });
      if (found === null) {
        return page(reply, 502, 'The admin API cannot be reached', [
          'Your team could not be looked up; try again in a moment.',
        ]);
      }
      if (found === undefined) {
        request.log.warn({ subject, team: mapped.team }, 'SSO mapping names an unknown team');
        return page(reply, 403, 'No console role for this account', [
          `Your group maps to team "${mapped.team}", which does not exist.`,
          'Ask a Switchyard administrator to fix the role mapping or create the team.',
        ]);
      }
      team = found;
    }
    const identity: ConsoleIdentity = {
      keyId: `sso:${subject}`,
      keyName: who,
      keyPrefix: null,
      role: mapped.role,
      team,
    };
    const previous = guard.current(request);
    if (previous !== undefined) sessions.delete(previous.id);
    const session = sessions.create(null, identity, { subject, idToken });
    guard.setCookie(request, reply, session);
    request.log.info({ subject, role: identity.role, teamId: team?.id }, 'console SSO sign-in');
    return reply.header('cache-control', 'no-store').redirect(`${prefix}/`, 303);
  });
}

/** The provider's logout URL for a session, with the ID token as hint; undefined without one. */
export function createEndSessionUrl(config: SsoConfig, client: OidcClient) {
  return async (session: { sso?: { idToken: string } }): Promise<string | undefined> => {
    if (session.sso === undefined) return undefined;
    const configuration = await client();
    if (configuration.serverMetadata().end_session_endpoint === undefined) return undefined;
    return oidc.buildEndSessionUrl(configuration, {
      id_token_hint: session.sso.idToken,
      post_logout_redirect_uri: config.postLogoutRedirectUrl,
    }).href;
  };
}

function displayName(claims: Record<string, unknown>): string {
  for (const name of ['email', 'preferred_username', 'name', 'sub']) {
    const value = claims[name];
    if (typeof value === 'string' && value !== '') return value.slice(0, 200);
  }
  return 'unknown';
}

/** An error for the log: its kind, message and code, and its cause's; never the tokens around it. */
function describe(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code } = error as { code?: unknown };
  const cause = error.cause instanceof Error ? describe(error.cause) : undefined;
  return { name: error.name, message: error.message, code, ...(cause && { cause }) };
}
