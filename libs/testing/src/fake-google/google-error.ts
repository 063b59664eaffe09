import type { ServerResponse } from 'node:http';

/** The `error` object of a Google API error body. */
export interface GoogleError {
  readonly code: number;
  readonly message: string;
  /** The canonical status name, e.g. `RESOURCE_EXHAUSTED`. */
  readonly status: string;
  readonly details?: readonly Record<string, unknown>[];
}

/** Writes `{"error":{code,message,status,details?}}` with the error's code as HTTP status. */
export function writeGoogleError(response: ServerResponse, error: GoogleError): void {
  const body = JSON.stringify({ error }, null, 2);
  response.writeHead(error.code, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** Google's 400 for a request it cannot read. */
export function invalidArgument(message: string): GoogleError {
  return { code: 400, message, status: 'INVALID_ARGUMENT' };
}
