import type { ServerResponse } from 'node:http';
import { sendJson } from '../fake-upstream/send-json.js';

/** An error the fake answers with: status, Anthropic error type and message, extra headers. */
export interface AnthropicErrorResponse {
  readonly status: number;
  readonly type: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The body Anthropic sends for an error, as an HTTP response and as a stream `error` event:
 * `{"type":"error","error":{"type","message"},"request_id"}`.
 */
export function anthropicErrorBody(
  type: string,
  message: string,
  requestId: string,
): Record<string, unknown> {
  return { type: 'error', error: { type, message }, request_id: requestId };
}

/** Writes an Anthropic error response, its `request_id` being the response's `request-id`. */
export function writeAnthropicError(response: ServerResponse, error: AnthropicErrorResponse): void {
  const requestId = String(response.getHeader('request-id') ?? '');
  const body = JSON.stringify(anthropicErrorBody(error.type, error.message, requestId));
  sendJson(response, error.status, body, 'application/json', error.headers);
}

/** A 400 `invalid_request_error`, Anthropic's answer to a malformed request. */
export function invalidAnthropicRequest(message: string): AnthropicErrorResponse {
  return { status: 400, type: 'invalid_request_error', message };
}
