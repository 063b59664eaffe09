import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createTokenLedger, type TokenLedger } from '../fake-oauth/create-token-ledger.js';
import { readForm } from '../fake-oauth/read-form.js';
import { startTokenServer, type TokenAnswer } from '../fake-oauth/start-token-server.js';
import { verifyServiceAccountAssertion } from './verify-service-account-assertion.js';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform';

/** Options of {@link startFakeGoogleToken}. */
export interface FakeGoogleTokenOptions {
  /** The service account's email (default `switchyard-test@fake-project.iam.gserviceaccount.com`). */
  readonly clientEmail?: string;
  /** The `expires_in` of issued tokens; default 3599. Small values test refresh. */
  readonly tokenLifetimeSeconds?: number;
}

/** A running fake Google OAuth token endpoint with one service account. */
export interface FakeGoogleToken {
  /** The token endpoint, e.g. `http://127.0.0.1:PORT/token`: the key's `token_uri`. */
  readonly tokenUri: string;
  /** The service account's JSON key (a fresh RSA key pair), `token_uri` pointing here. */
  readonly serviceAccountKey: string;
  /** A key of the same account signed by another private key: its assertions are refused. */
  readonly forgedKey: string;
  /** The tokens it issued: what the fake Vertex upstream checks bearer tokens against. */
  readonly tokens: TokenLedger;
  close(): Promise<void>;
}

/**
 * Starts a fake `oauth2.googleapis.com/token`: the JWT-bearer grant of one service account,
 * its assertion verified with the account's public key, answered with a bearer token or
 * Google's `{"error":"invalid_grant",…}`.
 */
export async function startFakeGoogleToken(
  options: FakeGoogleTokenOptions = {},
): Promise<FakeGoogleToken> {
  const clientEmail = options.clientEmail ?? 'switchyard-test@fake-project.iam.gserviceaccount.com';
  const lifetime = options.tokenLifetimeSeconds ?? 3599;
  const tokens = createTokenLedger('ya29.fake-');
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forged = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = await startTokenServer(async (request, path): Promise<TokenAnswer> => {
    if (request.method !== 'POST' || path !== '/token') {
      return { status: 404, body: { error: 'not_found' } };
    }
    const form = await readForm(request);
    if (form?.get('grant_type') !== JWT_BEARER) {
      return refuse('unsupported_grant_type', 'Invalid grant_type: ');
    }
    const verdict = verifyServiceAccountAssertion(
      form.get('assertion') ?? '',
      clientEmail,
      pair.publicKey,
      Math.floor(Date.now() / 1000),
    );
    if (!verdict.ok) return refuse('invalid_grant', verdict.description);
    if (!verdict.scope.split(' ').includes(CLOUD_PLATFORM)) {
      return refuse('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    }
    return {
      status: 200,
      body: { access_token: tokens.issue(lifetime), expires_in: lifetime, token_type: 'Bearer' },
    };
  });
  const tokenUri = `${server.url}/token`;
  const keyFor = (privateKey: KeyObject): string =>
    JSON.stringify(
      {
        type: 'service_account',
        project_id: 'fake-project',
        private_key_id: 'fake0key0id',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        client_email: clientEmail,
        client_id: '100000000000000000001',
        auth_uri: 'https://accounts.google.com/o/oauth2/auth',
        token_uri: tokenUri,
      },
      null,
      2,
    );
  return {
    tokenUri,
    serviceAccountKey: keyFor(pair.privateKey),
    forgedKey: keyFor(forged.privateKey),
    tokens,
    close: () => server.close(),
  };
}

function refuse(error: string, description: string): TokenAnswer {
  return { status: 400, body: { error, error_description: description } };
}
