import { applyRequestScenario } from './apply-request-scenario.js';
import { encodeFloat32Base64, fakeEmbedding } from './fake-embedding.js';
import type { FakeExchange } from './fake-exchange.js';
import { parseFakeScenario } from './fake-scenario.js';
import { writeOpenAiError } from './openai-error.js';
import { parseEmbeddingsRequest } from './parse-embeddings-request.js';
import { writeJsonResponse } from './write-json-response.js';

/**
 * `POST /v1/embeddings`: one deterministic vector per input; usage prompt_tokens = total_tokens
 * = Σ countFakeTokens(input) (a token array counts its length). `model` scenarios apply.
 */
export async function handleEmbeddings(exchange: FakeExchange, body: unknown): Promise<void> {
  const parsed = parseEmbeddingsRequest(body);
  if (!parsed.ok) {
    writeOpenAiError(exchange.response, parsed.error);
    return;
  }
  const { request } = parsed;
  const scenario = parseFakeScenario(request.model);
  if (await applyRequestScenario(exchange, scenario, request.model, false)) return;
  const promptTokens = request.inputs.reduce((sum, input) => sum + input.tokens, 0);
  const data = request.inputs.map((input, index) => {
    const vector = fakeEmbedding(input.seed, request.dimensions);
    const embedding = request.encodingFormat === 'base64' ? encodeFloat32Base64(vector) : vector;
    return { object: 'embedding', index, embedding };
  });
  const listBody = {
    object: 'list',
    data,
    model: request.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
  writeJsonResponse(exchange.response, listBody, scenario);
}
