import { createHash } from 'node:crypto';
import type { AuthClient, GoogleAuth, gaxios } from 'google-auth-library';
import { ProviderError } from '../provider-error.js';
import type { RequestSigner } from '../request-signer.js';
import { untilAborted } from '../shared/until-aborted.js';
import { GOOGLE_TOKEN_URI, parseServiceAccountKey } from './service-account-key.js';

type GoogleAuthLibrary = typeof import('google-auth-library');

/** google-auth-library, loaded with the first Vertex request: ~15 MB of RSS nobody else needs. */
let googleAuthLibrary: Promise<GoogleAuthLibrary> | undefined;
const loadGoogleAuthLibrary = (): Promise<GoogleAuthLibrary> =>
  (googleAuthLibrary ??= import('google-auth-library'));

/** How long one token request may take. */
const TOKEN_FETCH_TIMEOUT_MS = 30_000;

/** The OAuth scope Vertex AI accepts. */
export const VERTEX_SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export interface VertexSignerOptions {
  /** Refresh a cached token when it has less than this left (google-auth-library's default: 5 minutes). */
  readonly eagerRefreshThresholdMs?: number;
}

/**
 * Vertex AI's auth through google-auth-library: a service-account JSON key in the pool is a JWT
 * client (JWT-bearer grant at the key's `token_uri`), an empty pool the environment's Application
 * Default Credentials (`GOOGLE_APPLICATION_CREDENTIALS`, workload identity, the metadata server).
 * Clients are kept per key, so their tokens are cached and refreshed before they expire.
 */
export function createVertexSigner(options: VertexSignerOptions = {}): RequestSigner {
  const clients = new Map<string, AuthClient>();
  let ambient: GoogleAuth | undefined;
  const clientFor = (library: GoogleAuthLibrary, credential: string): AuthClient => {
    const id = createHash('sha256').update(credential).digest('hex');
    let client = clients.get(id);
    if (client === undefined) {
      const key = parseServiceAccountKey(credential);
      client = new library.JWT({
        email: key.clientEmail,
        key: key.privateKey,
        keyId: key.privateKeyId,
        scopes: [VERTEX_SCOPE],
        eagerRefreshThresholdMillis: options.eagerRefreshThresholdMs,
        transporter: transporterFor(library, key.tokenUri),
      });
      clients.set(id, client);
    }
    return client;
  };
  return {
    async sign(request, credential, deadline) {
      const library = await loadGoogleAuthLibrary();
      const fetching =
        credential === undefined || credential === ''
          ? accessToken(library, () => {
              ambient ??= new library.GoogleAuth({
                scopes: [VERTEX_SCOPE],
                clientOptions: { transporterOptions: { timeout: TOKEN_FETCH_TIMEOUT_MS } },
              });
              return ambient.getAccessToken();
            })
          : accessToken(
              library,
              async () => (await clientFor(library, credential).getAccessToken()).token,
            );
      const token = await untilAborted(fetching, deadline.signal);
      // Copied into an empty object, not spread (see the Azure signer).
      const headers = Object.assign({}, request.headers, { authorization: `Bearer ${token}` });
      return { ...request, headers };
    },
  };
}

/**
 * google-auth-library posts the grant to Google's token endpoint; a key naming another
 * `token_uri` (a private endpoint, a test's fake) has the request sent there instead.
 */
function transporterFor(library: GoogleAuthLibrary, tokenUri: string): gaxios.Gaxios {
  const transporter = new library.gaxios.Gaxios({ timeout: TOKEN_FETCH_TIMEOUT_MS });
  if (tokenUri !== GOOGLE_TOKEN_URI) {
    transporter.interceptors.request.add({
      resolved: async (config) => {
        if (String(config.url) === GOOGLE_TOKEN_URI) config.url = new URL(tokenUri);
        return config;
      },
    });
  }
  return transporter;
}

/** A token, or an error that names what Google said (its error code) and never the key or a token. */
async function accessToken(
  library: GoogleAuthLibrary,
  fetchToken: () => Promise<string | null | undefined>,
): Promise<string> {
  const { GaxiosError } = library.gaxios;
  let token: string | null | undefined;
  try {
    token = await fetchToken();
  } catch (error: unknown) {
    if (error instanceof ProviderError) throw error;
    if (!(error instanceof GaxiosError) && /default credentials/i.test(String(error))) {
      throw new ProviderError(
        'vertex has no key and no Google Application Default Credentials were found.',
        { kind: 'authentication', status: 401, code: 'missing_credential', retryable: false },
      );
    }
    const status = error instanceof GaxiosError ? error.response?.status : undefined;
    const data: unknown = error instanceof GaxiosError ? error.response?.data : undefined;
    const code =
      typeof data === 'object' && data !== null && 'error' in data && typeof data.error === 'string'
        ? data.error
        : undefined;
    if (status === undefined || status >= 500) {
      throw new ProviderError('Google credentials could not be obtained for vertex.', {
        kind: 'server_error',
        status: 502,
        code: 'token_endpoint_unreachable',
        retryable: true,
      });
    }
    throw new ProviderError(`Google refused the vertex credential: ${code ?? `HTTP ${status}`}.`, {
      kind: 'authentication',
      status: 401,
      code: 'token_request_failed',
      retryable: false,
    });
  }
  if (!token) {
    throw new ProviderError('Google returned no access token for vertex.', {
      kind: 'authentication',
      status: 401,
      code: 'token_request_failed',
      retryable: false,
    });
  }
  return token;
}
