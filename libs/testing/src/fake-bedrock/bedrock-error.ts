import type { ServerResponse } from 'node:http';
import { sendJson } from '../fake-upstream/send-json.js';

/** An error the fake answers with: status, exception name, message, extra headers. */
export interface BedrockErrorResponse {
  readonly status: number;
  /** `ThrottlingException`, `ValidationException`, … */
  readonly exception: string;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Writes a Bedrock runtime error as AWS's REST-JSON protocol does: the exception name in
 * `x-amzn-ErrorType` (with its namespace), `{"message"}` as the body.
 */
export function writeBedrockError(response: ServerResponse, error: BedrockErrorResponse): void {
  sendJson(response, error.status, JSON.stringify({ message: error.message }), 'application/json', {
    ...error.headers,
    'x-amzn-ErrorType': `${error.exception}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
  });
}

/** A 400 `ValidationException`, Bedrock's answer to a request it cannot read. */
export function bedrockValidationError(message: string): BedrockErrorResponse {
  return { status: 400, exception: 'ValidationException', message };
}

/** The exception Bedrock names for an HTTP status (the `error-<status>` scenario). */
export function bedrockScenarioError(status: number): BedrockErrorResponse {
  const exception =
    {
      400: 'ValidationException',
      403: 'AccessDeniedException',
      404: 'ResourceNotFoundException',
      408: 'ModelTimeoutException',
      424: 'ModelErrorException',
      429: 'ThrottlingException',
      503: 'ServiceUnavailableException',
    }[status] ?? (status >= 500 ? 'InternalServerException' : 'ValidationException');
  const message =
    status === 429 ? 'Too many requests, please wait before trying again.' : `Fake ${exception}`;
  return { status, exception, message };
}
