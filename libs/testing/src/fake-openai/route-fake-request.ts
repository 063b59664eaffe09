import { checkApiKey } from './check-api-key.js';
import type { FakeExchange } from './fake-exchange.js';
import { handleChatCompletion } from './handle-chat-completion.js';
import { handleEmbeddings } from './handle-embeddings.js';
import { handleModels } from './handle-models.js';
import { invalidRequest, writeOpenAiError } from './openai-error.js';
import type { RequestBody } from './read-request-body.js';

const postRoutes: ReadonlyMap<string, (exchange: FakeExchange, body: unknown) => Promise<void>> =
  new Map([
    ['/v1/chat/completions', handleChatCompletion],
    ['/v1/embeddings', handleEmbeddings],
  ]);

const invalidJsonMessage =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)";

/**
 * Checks the API key, then dispatches: `POST /v1/chat/completions`, `POST /v1/embeddings`,
 * `GET /v1/models[/<id>]`; anything else is OpenAI's 404 `Invalid URL`, a non-JSON body a 400.
 */
export async function routeFakeRequest(
  exchange: FakeExchange,
  path: string,
  body: RequestBody,
  apiKeys: readonly string[] | undefined,
): Promise<void> {
  const { request, response } = exchange;
  const authError = checkApiKey(request.headers.authorization, apiKeys);
  if (authError !== undefined) {
    writeOpenAiError(response, authError);
    return;
  }
  const method = request.method ?? 'GET';
  if (method === 'GET' && path === '/v1/models') return handleModels(response, undefined);
  const modelMatch = /^\/v1\/models\/(.+)$/.exec(path);
  if (method === 'GET' && modelMatch?.[1] !== undefined) {
    return handleModels(response, decodeURIComponent(modelMatch[1]));
  }
  const handler = method === 'POST' ? postRoutes.get(path) : undefined;
  if (handler === undefined) {
    const error = invalidRequest(`Invalid URL (${method} ${path})`);
    writeOpenAiError(response, { ...error, status: 404 });
    return;
  }
  if (!body.json.ok) {
    writeOpenAiError(response, invalidRequest(invalidJsonMessage));
    return;
  }
  await handler(exchange, body.json.value);
}
