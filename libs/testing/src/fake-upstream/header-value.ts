import type { IncomingHttpHeaders } from 'node:http';

/** A header's value (the first, if repeated as an array), or undefined when absent. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
