import type { IncomingMessage } from 'node:http';
import type { TokenLedger } from '../fake-oauth/create-token-ledger.js';
import { readForm } from '../fake-oauth/read-form.js';
import type { TokenAnswer } from '../fake-oauth/start-token-server.js';

/** The service principal a fake Entra tenant knows. */
export interface FakeEntraPrincipal {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

/** Azure OpenAI's resource scope, the only one the fake grants. */
export const COGNITIVE_SERVICES_SCOPE = 'https://cognitiveservices.azure.com/.default';

/**
 * `POST /{tenant}/oauth2/v2.0/token` with the client-credentials grant, as Microsoft Entra
 * answers it: a bearer token for the principal, or Entra's `{error, error_description,
 * error_codes}` refusal (unknown tenant, client or scope; wrong secret; wrong grant).
 */
export async function answerEntraToken(
  request: IncomingMessage,
  path: string,
  principal: FakeEntraPrincipal,
  tokens: TokenLedger,
  lifetimeSeconds: number,
): Promise<TokenAnswer> {
  const match = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
  if (request.method !== 'POST' || match === null) {
    return refuse(404, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
  }
  if (decodeURIComponent(match[1] ?? '') !== principal.tenantId) {
    return refuse(400, 'invalid_tenant', 90002, 'Tenant not found.');
  }
  const form = await readForm(request);
  if (form === undefined) {
    return refuse(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  }
  if (form.get('grant_type') !== 'client_credentials') {
    return refuse(
      400,
      'unsupported_grant_type',
      70003,
      'The app requested an unsupported grant type.',
    );
  }
  if (form.get('client_id') !== principal.clientId) {
    return refuse(
      400,
      'unauthorized_client',
      700016,
      'Application was not found in the directory.',
    );
  }
  if (form.get('client_secret') !== principal.clientSecret) {
    return refuse(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
  }
  if (form.get('scope') !== COGNITIVE_SERVICES_SCOPE) {
    return refuse(
      400,
      'invalid_scope',
      70011,
      'The provided value for the input parameter scope is not valid.',
    );
  }
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      expires_in: lifetimeSeconds,
      ext_expires_in: lifetimeSeconds,
      access_token: tokens.issue(lifetimeSeconds),
    },
  };
}

function refuse(status: number, error: string, code: number, description: string): TokenAnswer {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
    },
  };
}
