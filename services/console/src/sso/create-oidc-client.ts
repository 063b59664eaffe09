import * as oidc from 'openid-client';
import type { SsoConfig } from './sso-config.js';

/** The provider's discovered configuration, fetched on first use and again after a failure. */
export type OidcClient = () => Promise<oidc.Configuration>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Discovers the provider from its issuer (`/.well-known/openid-configuration`, whose `issuer`
 * must match) with the console's client id and secret. ID token signatures are always checked
 * against the provider's JWKS, even from the token endpoint. Plain http is allowed only for a
 * provider on loopback (a local test provider); anything else must be https.
 */
export function createOidcClient(config: SsoConfig): OidcClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const issuer = new URL(config.issuer);
  const insecureLoopback = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
  return () => {
    discovered ??= oidc
      .discovery(
        issuer,
        config.clientId,
        {
          ...(config.clientSecret !== undefined && { client_secret: config.clientSecret }),
          redirect_uris: [config.redirectUrl],
          response_types: ['code'],
        },
        config.clientSecret === undefined
          ? oidc.None()
          : oidc.ClientSecretBasic(config.clientSecret),
        {
          timeout: 10,
          execute: [
            oidc.enableNonRepudiationChecks,
            ...(insecureLoopback ? [oidc.allowInsecureRequests] : []),
          ],
        },
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
}
