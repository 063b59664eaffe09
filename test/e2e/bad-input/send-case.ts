import type { BadInputCase, CaseRequest } from './bad-input-case.js';
import type { CaseResponse } from './case-response.js';
import type { CorpusFixtures } from './corpus-fixtures.js';
import { rawHttpExchange } from './raw-http-exchange.js';

/** How long a case may take: a server that never answers is a failure, not a hung test. */
const CASE_TIMEOUT_MS = 10_000;

/** Sends a case over real HTTP (fetch, or a raw socket) and reads the whole answer. */
export async function sendCase(
  badInput: BadInputCase,
  request: CaseRequest,
  fixtures: CorpusFixtures,
): Promise<CaseResponse> {
  if (badInput.raw) {
    return rawHttpExchange(fixtures.origin, badInput.raw.bytes(fixtures), CASE_TIMEOUT_MS);
  }
  const headers: Record<string, string> = { ...request.headers };
  const secret = fixtures.secrets[request.caller];
  if (secret !== undefined) headers.authorization = `Bearer ${secret}`;
  let body = request.body;
  if (body !== undefined) {
    const contentType = request.contentType ?? 'application/json';
    // fetch labels a string body text/plain; bytes go without a content-type.
    if (contentType === '') body = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    else headers['content-type'] = contentType;
  }
  try {
    const response = await fetch(`${fixtures.origin}${request.path}`, {
      method: request.method,
      headers,
      ...(body !== undefined && { body }),
      signal: AbortSignal.timeout(CASE_TIMEOUT_MS),
    });
    return {
      kind: 'response',
      status: response.status,
      headers: [...response.headers.entries()],
      body: await response.text(),
    };
  } catch (error: unknown) {
    return { kind: 'transport-error', error: describeError(error) };
  }
}

/** fetch's `TypeError: fetch failed` hides the reason (EPIPE, reset, header overflow) in `cause`. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  const detail =
    cause instanceof Error
      ? `${cause.message}${'code' in cause ? ` (${String(cause.code)})` : ''}`
      : '';
  return detail === '' ? error.message : `${error.message}: ${detail}`;
}
