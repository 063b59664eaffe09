import type { IncomingHttpHeaders } from 'node:http';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The caller's own `x-request-id` when it is a sane token (so ids join up across systems), else
 * undefined: an attribute of the request, echoed back and searchable, never its identity (the
 * caller may reuse it). Never lets an arbitrary header into logs or the ledger.
 */
export function clientRequestIdOf(headers: IncomingHttpHeaders): string | undefined {
  const given = headers['x-request-id'];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : undefined;
}
