import type { IncomingHttpHeaders } from 'node:http';
import type { TokenVerdict } from '../fake-oauth/create-token-ledger.js';
import { bearerToken } from '../fake-upstream/bearer-token.js';
import { headerValue } from '../fake-upstream/header-value.js';
import { type VertexError, vertexError } from './vertex-error.js';

/** Vertex AI's 401: a missing, unknown or expired OAuth token, in Google's words. */
export function checkVertexToken(
  headers: IncomingHttpHeaders,
  verifyToken: (token: string | undefined) => TokenVerdict,
): VertexError | undefined {
  const token = bearerToken(headerValue(headers, 'authorization'));
  const verdict = verifyToken(token);
  if (verdict === 'valid') return undefined;
  const message =
    token === undefined
      ? 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.'
      : 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
  return vertexError(401, 'UNAUTHENTICATED', message);
}
