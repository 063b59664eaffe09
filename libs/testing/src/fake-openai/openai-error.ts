import type { ServerResponse } from 'node:http';
import { sendJson } from '../fake-upstream/send-json.js';

/** The `error` object of OpenAI's error body. */
export interface OpenAiError {
  readonly message: string;
  readonly type: string;
  readonly param: string | null;
  readonly code: string | null;
}

/** An error the fake answers with: status, OpenAI error object and any extra headers. */
export interface OpenAiErrorResponse {
  readonly status: number;
  readonly error: OpenAiError;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Writes `{"error":{message,type,param,code}}` with the given status, as OpenAI does. */
export function writeOpenAiError(
  response: ServerResponse,
  errorResponse: OpenAiErrorResponse,
): void {
  const body = JSON.stringify({ error: errorResponse.error });
  sendJson(response, errorResponse.status, body, 'application/json', errorResponse.headers);
}

/** A 400 `invalid_request_error`, OpenAI's answer to a malformed request. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
): OpenAiErrorResponse {
  return { status: 400, error: { message, type: 'invalid_request_error', param, code } };
}
