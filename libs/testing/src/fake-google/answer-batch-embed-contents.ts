import type { FakeCall } from '../fake-upstream/fake-dialect.js';
import { fakeEmbedding } from '../fake-upstream/fake-embedding.js';
import type { FakeOutcome } from '../fake-upstream/fake-outcome.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { type GoogleError, invalidArgument } from './google-error.js';
import { parseFakeGoogleScenario } from './google-scenario.js';

/** The default `outputDimensionality` of the fake: small vectors keep test output readable. */
export const FAKE_GOOGLE_EMBEDDING_DIMENSIONS = 8;

/**
 * `POST /v1beta/models/{model}:batchEmbedContents`: `{"embeddings":[{"values":[…]}]}`, one
 * deterministic unit vector per request (from SHA-256 of its text parts joined with a space),
 * `outputDimensionality` long (default 8). Each request must name `models/{model}`. Gemini
 * reports no token usage here, and neither does the fake. `model` scenarios apply.
 */
export function answerBatchEmbedContents(call: FakeCall): FakeOutcome<GoogleError> {
  const [model = ''] = call.params;
  const requests = isRecord(call.body) ? call.body.requests : undefined;
  if (!Array.isArray(requests) || requests.length === 0) {
    const message = '* BatchEmbedContentsRequest.requests: requests is not specified\n';
    return { kind: 'refuse', error: invalidArgument(message) };
  }
  const embeddings: { values: number[] }[] = [];
  for (const [index, request] of requests.entries()) {
    const read = readRequest(request, model);
    if (typeof read === 'string') {
      const message = `* BatchEmbedContentsRequest.requests[${index}]: ${read}\n`;
      return { kind: 'refuse', error: invalidArgument(message) };
    }
    embeddings.push({ values: fakeEmbedding(read.text, read.dimensions) });
  }
  return {
    kind: 'answer',
    model,
    scenario: parseFakeGoogleScenario(model),
    stream: false,
    reply: () => ({ kind: 'json', text: JSON.stringify({ embeddings }, null, 2) }),
  };
}

function readRequest(
  request: unknown,
  model: string,
): { text: string; dimensions: number } | string {
  if (!isRecord(request)) return 'expected an EmbedContentRequest object';
  if (request.model !== `models/${model}`) {
    return `model must be 'models/${model}', the model of the batch`;
  }
  const content = request.content;
  const parts = isRecord(content) && Array.isArray(content.parts) ? content.parts : [];
  const texts = parts.filter(isRecord).map((part) => part.text);
  if (texts.length === 0 || !texts.every((text) => typeof text === 'string')) {
    return 'content.parts must hold text';
  }
  const dimensions = request.outputDimensionality ?? FAKE_GOOGLE_EMBEDDING_DIMENSIONS;
  if (
    typeof dimensions !== 'number' ||
    !Number.isInteger(dimensions) ||
    dimensions < 1 ||
    dimensions > 4096
  ) {
    return 'outputDimensionality must be an integer from 1 to 4096';
  }
  return { text: texts.join(' '), dimensions };
}
