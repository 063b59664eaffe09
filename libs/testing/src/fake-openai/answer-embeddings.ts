import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import { encodeFloat32Base64, fakeEmbedding } from '../fake-upstream/fake-embedding.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import type { OpenAiErrorResponse } from './openai-error.js';
import { parseOpenAiScenario } from './openai-scenario.js';
import { type FakeEmbeddingsRequest, parseEmbeddingsRequest } from './parse-embeddings-request.js';

/**
 * `POST /v1/embeddings`: one deterministic vector per input; usage prompt_tokens = total_tokens
 * = Σ countFakeTokens(input) (a token array counts its length). `model` scenarios apply.
 */
export function answerEmbeddings(call: FakeCall): FakeOutcome<OpenAiErrorResponse> {
  const parsed = parseEmbeddingsRequest(call.body);
  if (!parsed.ok) return { kind: 'refuse', error: parsed.error };
  const { request } = parsed;
  return {
    kind: 'answer',
    model: request.model,
    scenario: parseOpenAiScenario(request.model),
    stream: false,
    reply: () => ({ kind: 'json', text: JSON.stringify(embeddingList(request)) }),
  };
}

function embeddingList(request: FakeEmbeddingsRequest): Record<string, unknown> {
  const promptTokens = request.inputs.reduce((sum, input) => sum + input.tokens, 0);
  const data = request.inputs.map((input, index) => {
    const vector = fakeEmbedding(input.seed, request.dimensions);
    const embedding = request.encodingFormat === 'base64' ? encodeFloat32Base64(vector) : vector;
    return { object: 'embedding', index, embedding };
  });
  return {
    object: 'list',
    data,
    model: request.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
}
