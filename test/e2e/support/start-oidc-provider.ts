import { createSign, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A person the test provider knows: their login and the groups it puts in the `groups` claim. */
export interface TestAccount {
  login: string;
  groups: string[];
}

/** How the provider's token endpoint answers: as issued, or with its ID token spoiled. */
export type IdTokenMode =
  /** As issued. */
  | 'genuine'
  /** The payload changed (groups → ml-platform), the signature left as it was. */
  | 'tampered'
  /** Re-signed with the provider's own key, but expired an hour ago. */
  | 'expired';

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Change how the next token responses' ID tokens look. */
  setIdTokenMode(mode: IdTokenMode): void;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (`oidc-provider`, its development login and consent pages) on a
 * free loopback port, with one confidential client for the console. Its token endpoint can be
 * made to hand out a tampered or expired ID token, to prove the console refuses them.
 */
export async function startOidcProvider(options: {
  accounts: readonly TestAccount[];
  redirectUri: string;
  postLogoutRedirectUri: string;
}): Promise<TestOidcProvider> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-signing-key', use: 'sig' };
  let mode: IdTokenMode = 'genuine';
  let handler: ((request: IncomingMessage, response: ServerResponse) => void) | undefined;
  const server = createServer((request, response) => {
    if (request.method === 'POST' && request.url?.startsWith('/token') && mode !== 'genuine') {
      spoilIdToken(response, mode, privateKey);
    }
    handler?.(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'switchyard-console';
  const clientSecret = 'console-client-secret-0123456789';
  const byLogin = new Map(options.accounts.map((account) => [account.login, account]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        post_logout_redirect_uris: [options.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email'], groups: ['groups'] },
    // The groups go in the ID token itself, as Okta, Entra and Keycloak can be set up to do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_context, id) {
      const account = byLogin.get(id);
      if (account === undefined) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@example.test`, groups: account.groups };
        },
      };
    },
  });
  handler = provider.callback();
  return {
    issuer,
    clientId,
    clientSecret,
    setIdTokenMode(next) {
      mode = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Rewrites the `id_token` of the JSON body this response is about to end with. */
function spoilIdToken(response: ServerResponse, mode: IdTokenMode, key: KeyObject): void {
  const end = response.end.bind(response) as (chunk?: unknown) => ServerResponse;
  response.end = ((chunk?: unknown) => {
    if (chunk === undefined || response.statusCode !== 200) return end(chunk);
    const body = JSON.parse(String(chunk)) as { id_token?: string };
    if (body.id_token !== undefined) body.id_token = spoil(body.id_token, mode, key);
    const text = JSON.stringify(body);
    response.setHeader('content-length', Buffer.byteLength(text));
    return end(text);
  }) as typeof response.end;
}

function spoil(idToken: string, mode: IdTokenMode, key: KeyObject): string {
  const [header = '', payload = '', signature = ''] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
    string,
    unknown
  >;
  if (mode === 'tampered') {
    claims.groups = ['ml-platform'];
    return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
  }
  const now = Math.floor(Date.now() / 1000);
  claims.iat = now - 7_200;
  claims.exp = now - 3_600;
  const signed = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const rs256 = createSign('RSA-SHA256').update(signed).sign(key).toString('base64url');
  return `${signed}.${rs256}`;
}
