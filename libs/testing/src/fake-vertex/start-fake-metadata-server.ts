import { createServer } from 'node:http';
import { createTokenLedger, type TokenLedger } from '../fake-oauth/create-token-ledger.js';
import { listenHttpServer } from '../fake-upstream/listen-http-server.js';

/** Options of {@link startFakeMetadataServer}. */
export interface FakeMetadataServerOptions {
  readonly projectId?: string;
  /** The `expires_in` of issued tokens; default 3599. */
  readonly tokenLifetimeSeconds?: number;
}

/** A running fake GCE/GKE metadata server. */
export interface FakeMetadataServer {
  /** `127.0.0.1:PORT`: the value of `GCE_METADATA_HOST` that points Google's libraries here. */
  readonly host: string;
  /** The default service account's tokens it issued. */
  readonly tokens: TokenLedger;
  close(): Promise<void>;
}

const FLAVOR = { 'metadata-flavor': 'Google' };

/**
 * The metadata server Application Default Credentials fall back to on GCE, GKE (workload
 * identity) and Cloud Run: `/computeMetadata/v1/…` behind the `Metadata-Flavor: Google` request
 * header (403 without it), the default service account's token, its email and the project id.
 */
export async function startFakeMetadataServer(
  options: FakeMetadataServerOptions = {},
): Promise<FakeMetadataServer> {
  const tokens = createTokenLedger('ya29.metadata-');
  const lifetime = options.tokenLifetimeSeconds ?? 3599;
  const server = createServer((request, response) => {
    request.resume();
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const send = (status: number, body: string, type = 'application/text'): void => {
      response.writeHead(status, { ...FLAVOR, 'content-type': type }).end(body);
    };
    if (request.headers['metadata-flavor'] !== 'Google') {
      send(403, 'Missing required header "Metadata-Flavor": "Google"');
      return;
    }
    if (path === '/computeMetadata/v1/instance' || path === '/computeMetadata/v1/instance/') {
      send(200, 'attributes/\nservice-accounts/\n');
    } else if (path === '/computeMetadata/v1/project/project-id') {
      send(200, options.projectId ?? 'fake-project');
    } else if (/^\/computeMetadata\/v1\/instance\/service-accounts\/default\/token$/.test(path)) {
      const token = tokens.issue(lifetime);
      send(
        200,
        JSON.stringify({ access_token: token, expires_in: lifetime, token_type: 'Bearer' }),
        'application/json',
      );
    } else if (path === '/computeMetadata/v1/instance/service-accounts/default/email') {
      send(200, `${options.projectId ?? 'fake-project'}-compute@developer.gserviceaccount.com`);
    } else {
      send(404, 'Not Found');
    }
  });
  const listening = await listenHttpServer(server, '127.0.0.1', 0);
  return { host: `127.0.0.1:${listening.port}`, tokens, close: () => listening.close() };
}
