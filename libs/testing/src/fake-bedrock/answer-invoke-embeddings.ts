import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import { fakeEmbedding } from '../fake-upstream/fake-embedding.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { randomId } from '../fake-upstream/random-id.js';
import { type BedrockErrorResponse, bedrockValidationError } from './bedrock-error.js';
import { parseBedrockScenario } from './bedrock-scenario.js';

const TITAN_DIMENSIONS = new Set([256, 512, 1024]);

/**
 * `POST /model/{modelId}/invoke` for embedding models, in each family's body: Titan
 * (`{inputText, dimensions?}` → `{embedding, inputTextTokenCount}`, 1024 dimensions by default)
 * and Cohere (`{texts, input_type}` → `{id, embeddings, texts, response_type}`, 1024 dimensions);
 * vectors from the fake embedding, tokens as the fake counts words.
 */
export function answerInvokeEmbeddings(call: FakeCall): FakeOutcome<BedrockErrorResponse> {
  const model = call.params[0] ?? '';
  const body = isRecord(call.body) ? call.body : {};
  let text: string;
  if (model.includes('amazon.titan-embed')) {
    const { inputText, dimensions = 1024 } = body;
    if (typeof inputText !== 'string' || inputText === '') {
      return refuse('Malformed input request: #: required key [inputText] not found');
    }
    if (typeof dimensions !== 'number' || !TITAN_DIMENSIONS.has(dimensions)) {
      return refuse('Malformed input request: #/dimensions: must be 256, 512 or 1024');
    }
    text = JSON.stringify({
      embedding: fakeEmbedding(inputText, dimensions),
      embeddingsByType: {},
      inputTextTokenCount: countFakeTokens(inputText),
    });
  } else if (model.includes('cohere.embed')) {
    const { texts, input_type: inputType } = body;
    if (
      !Array.isArray(texts) ||
      texts.length === 0 ||
      !texts.every((item) => typeof item === 'string')
    ) {
      return refuse('Malformed input request: #/texts: expected a non-empty array of strings');
    }
    if (typeof inputType !== 'string')
      return refuse('Malformed input request: #: required key [input_type] not found');
    text = JSON.stringify({
      id: randomId('emb-'),
      embeddings: texts.map((item: string) => fakeEmbedding(item, 1024)),
      response_type: 'embeddings_floats',
      texts,
    });
  } else {
    return refuse(`The provided model identifier is invalid for invoke in this fake: ${model}`);
  }
  return {
    kind: 'answer',
    model,
    scenario: parseBedrockScenario(model),
    stream: false,
    reply: () => ({ kind: 'json', text }),
  };
}

function refuse(message: string): FakeOutcome<BedrockErrorResponse> {
  return { kind: 'refuse', error: bedrockValidationError(message) };
}
