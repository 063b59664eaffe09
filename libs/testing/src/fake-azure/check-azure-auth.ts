import type { IncomingHttpHeaders } from 'node:http';
import type { TokenVerdict } from '../fake-oauth/create-token-ledger.js';
import { bearerToken } from '../fake-upstream/bearer-token.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { type AzureErrorResponse, azureGatewayError } from './azure-error.js';

/** How the fake resource authenticates: its keys, and a judge of Entra bearer tokens. */
export interface FakeAzureAuth {
  readonly apiKeys?: readonly string[];
  readonly verifyToken?: (token: string | undefined) => TokenVerdict;
}

/**
 * Azure OpenAI's checks: an `api-key` header must be one of the resource's keys; otherwise an
 * `Authorization: Bearer` token must be a live Entra token; neither is a 401 in Azure's words.
 */
export function checkAzureAuth(
  headers: IncomingHttpHeaders,
  auth: FakeAzureAuth,
): AzureErrorResponse | undefined {
  const apiKey = headerValue(headers, 'api-key');
  if (apiKey !== undefined) {
    if (auth.apiKeys?.includes(apiKey)) return undefined;
    return azureGatewayError(
      401,
      'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    );
  }
  const authorization = headerValue(headers, 'authorization');
  if (authorization !== undefined) {
    if (auth.verifyToken?.(bearerToken(authorization)) === 'valid') return undefined;
    return azureGatewayError(
      401,
      'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.',
    );
  }
  return azureGatewayError(
    401,
    'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
  );
}
