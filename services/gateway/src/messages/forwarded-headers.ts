import type { IncomingHttpHeaders } from 'node:http';

/**
 * The caller's headers among `names` (lower-case, as the adapter lists them), repeated ones
 * joined with `,` as HTTP allows; only the protocol's own headers are ever forwarded, never
 * hop-by-hop or credential headers.
 */
export function forwardedHeaders(
  headers: IncomingHttpHeaders,
  names: readonly string[],
): Record<string, string> {
  const forwarded: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (value === undefined) continue;
    forwarded[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return forwarded;
}
