import type { IncomingMessage } from 'node:http';
import type { RequestBody } from './read-request-body.js';
import type { RecordedRequest } from './recorded-request.js';

/**
 * What the test sees of a request: headers flattened, body parsed when it is JSON and as sent,
 * and the response body written so far.
 */
export function recordRequest(
  request: IncomingMessage,
  path: string,
  body: RequestBody,
  receivedAt: number,
  responseBody: () => string = () => '',
): RecordedRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const bodyValue = body.json.ok ? body.json.value : body.text === '' ? undefined : body.text;
  return {
    method: request.method ?? 'GET',
    path,
    headers,
    body: bodyValue,
    rawBody: body.text,
    receivedAt,
    get responseBody() {
      return responseBody();
    },
  };
}
