import { randomUUID } from 'node:crypto';

/**
 * The service's own id of a request: a fresh UUID for every request, never the caller's
 * `x-request-id`, so two requests can never share an id (the usage ledger's key, budget and
 * concurrency leases, the request log). The caller's id is kept beside it ({@link clientRequestIdOf}).
 */
export function newRequestId(): string {
  return randomUUID();
}
