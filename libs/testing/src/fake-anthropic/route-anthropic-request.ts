import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import type { RequestBody } from '../fake-openai/read-request-body.js';
import { invalidAnthropicRequest, writeAnthropicError } from './anthropic-error.js';
import { checkAnthropicHeaders } from './check-anthropic-headers.js';
import { handleMessages } from './handle-messages.js';

/**
 * Checks `x-api-key` and `anthropic-version`, then serves `POST /v1/messages`; any other route
 * is a 404 `not_found_error`, a body that is not JSON a 400 `invalid_request_error`.
 */
export async function routeAnthropicRequest(
  exchange: FakeExchange,
  path: string,
  body: RequestBody,
  apiKeys: readonly string[] | undefined,
): Promise<void> {
  const { request, response } = exchange;
  const headerError = checkAnthropicHeaders(request.headers, apiKeys);
  if (headerError !== undefined) {
    writeAnthropicError(response, headerError);
    return;
  }
  if (request.method !== 'POST' || path !== '/v1/messages') {
    writeAnthropicError(response, { status: 404, type: 'not_found_error', message: 'Not Found' });
    return;
  }
  if (!body.json.ok) {
    writeAnthropicError(response, invalidAnthropicRequest('The request body is not valid JSON.'));
    return;
  }
  await handleMessages(exchange, body.json.value);
}
