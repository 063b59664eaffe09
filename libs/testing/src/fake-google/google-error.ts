import type { ServerResponse } from 'node:http';
import { sendJson } from '../fake-upstream/send-json.js';

/** The `error` object of a Google API error body. */
export interface GoogleError {
  readonly code: number;
  readonly message: string;
  /** The canonical status name, e.g. `RESOURCE_EXHAUSTED`. */
  readonly status: string;
  readonly details?: readonly Record<string, unknown>[];
}

/** The `content-type` of Google's JSON bodies. */
export const GOOGLE_JSON = 'application/json; charset=UTF-8';

/** Writes `{"error":{code,message,status,details?}}` with the error's code as HTTP status. */
export function writeGoogleError(response: ServerResponse, error: GoogleError): void {
  const body = JSON.stringify({ error }, null, 2);
  sendJson(response, error.code, body, GOOGLE_JSON);
}

/** Google's 400 for a request it cannot read. */
export function invalidArgument(message: string): GoogleError {
  return { code: 400, message, status: 'INVALID_ARGUMENT' };
}
