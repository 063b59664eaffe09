import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import type { RequestBody } from '../fake-openai/read-request-body.js';
import { checkGoogleApiKey } from './check-google-api-key.js';
import { invalidArgument, writeGoogleError } from './google-error.js';
import { handleBatchEmbedContents } from './handle-batch-embed-contents.js';
import { handleGenerateContent } from './handle-generate-content.js';

const MODEL_METHOD = /^\/v1beta\/models\/([^/:]+):([A-Za-z]+)$/;

/**
 * Checks the API key, then dispatches `POST /v1beta/models/{model}:generateContent`,
 * `:streamGenerateContent` (SSE with `?alt=sse`, else one JSON array) and `:batchEmbedContents`.
 * Anything else is a 404 `NOT_FOUND`; a body that is not JSON a 400 `INVALID_ARGUMENT`.
 */
export async function routeFakeGoogleRequest(
  exchange: FakeExchange,
  url: URL,
  body: RequestBody,
  apiKeys: readonly string[] | undefined,
): Promise<void> {
  const { request, response } = exchange;
  const authError = checkGoogleApiKey(request, url.searchParams, apiKeys);
  if (authError !== undefined) {
    writeGoogleError(response, authError);
    return;
  }
  const match = MODEL_METHOD.exec(url.pathname);
  const model = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
  const method = match?.[2];
  const known =
    method === 'generateContent' ||
    method === 'streamGenerateContent' ||
    method === 'batchEmbedContents';
  if (request.method !== 'POST' || model === undefined || !known) {
    const message = `The requested URL ${request.method ?? 'GET'} ${url.pathname} was not found on this server.`;
    writeGoogleError(response, { code: 404, status: 'NOT_FOUND', message });
    return;
  }
  if (!body.json.ok) {
    const message = `Invalid JSON payload received. Unexpected token.\n${body.text.slice(0, 40)}\n^`;
    writeGoogleError(response, invalidArgument(message));
    return;
  }
  if (method === 'batchEmbedContents') {
    await handleBatchEmbedContents(exchange, model, body.json.value);
    return;
  }
  const framing =
    method === 'generateContent'
      ? 'object'
      : url.searchParams.get('alt') === 'sse'
        ? 'sse'
        : 'json-array';
  await handleGenerateContent(exchange, model, body.json.value, framing);
}
