import { isPostgresText } from '@switchyard/contracts';
import { apiErrors } from '@switchyard/service-kit';

/** Longest request id the gateway accepts from a caller or makes itself. */
const MAX_REQUEST_ID_CHARS = 128;

/**
 * A route's `:request_id`; one no request can have (a NUL, an unpaired surrogate, too long) is a
 * 404 like an unknown id, never a query Postgres refuses.
 */
export function parseRequestIdParam(params: unknown, what: string): string {
  const value =
    typeof params === 'object' && params !== null && 'request_id' in params
      ? String(params.request_id)
      : '';
  if (value === '' || value.length > MAX_REQUEST_ID_CHARS || !isPostgresText(value)) {
    throw apiErrors.notFound(`No ${what} with request id '${value}'.`);
  }
  return value;
}
