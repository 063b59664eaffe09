import { parseFakeGoogleScenario } from '../fake-google/google-scenario.js';
import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import { fakeEmbedding } from '../fake-upstream/fake-embedding.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { type VertexError, vertexError } from './vertex-error.js';

/** The default `outputDimensionality` of the fake's text embeddings. */
export const FAKE_VERTEX_EMBEDDING_DIMENSIONS = 8;

/**
 * `POST …/publishers/google/models/{model}:predict` for a text-embedding model:
 * `{"predictions":[{"embeddings":{"values":[…],"statistics":{"token_count","truncated"}}}]}`,
 * one deterministic unit vector per instance's `content`; `model` scenarios apply.
 */
export function answerVertexPredict(call: FakeCall, model: string): FakeOutcome<VertexError> {
  const body = isRecord(call.body) ? call.body : {};
  const instances = Array.isArray(body.instances) ? body.instances : [];
  const contents = instances.map((instance) =>
    isRecord(instance) && typeof instance.content === 'string' ? instance.content : undefined,
  );
  if (contents.length === 0 || contents.some((content) => content === undefined)) {
    const message = 'Invalid JSON payload: each instance needs a string "content".';
    return { kind: 'refuse', error: vertexError(400, 'INVALID_ARGUMENT', message) };
  }
  const parameters = isRecord(body.parameters) ? body.parameters : {};
  const dimensions =
    typeof parameters.outputDimensionality === 'number'
      ? parameters.outputDimensionality
      : FAKE_VERTEX_EMBEDDING_DIMENSIONS;
  const predictions = contents.map((content = '') => ({
    embeddings: {
      values: fakeEmbedding(content, dimensions),
      statistics: { token_count: countFakeTokens(content), truncated: false },
    },
  }));
  return {
    kind: 'answer',
    model,
    scenario: parseFakeGoogleScenario(model),
    stream: false,
    reply: () => ({ kind: 'json', text: JSON.stringify({ predictions }) }),
  };
}
