import { fakeEmbedding } from '../fake-openai/fake-embedding.js';
import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { isRecord } from '../fake-openai/is-record.js';
import { applyGoogleScenario } from './apply-google-scenario.js';
import { parseFakeGoogleScenario } from './fake-google-scenario.js';
import { invalidArgument, writeGoogleError } from './google-error.js';
import { writeGoogleJson } from './write-google-json.js';

/** The default `outputDimensionality` of the fake: small vectors keep test output readable. */
export const FAKE_GOOGLE_EMBEDDING_DIMENSIONS = 8;

/**
 * `POST /v1beta/models/{model}:batchEmbedContents`: `{"embeddings":[{"values":[…]}]}`, one
 * deterministic unit vector per request (from SHA-256 of its text parts joined with a space),
 * `outputDimensionality` long (default 8). Each request must name `models/{model}`. Gemini
 * reports no token usage here, and neither does the fake. `model` scenarios apply.
 */
export async function handleBatchEmbedContents(
  exchange: FakeExchange,
  model: string,
  body: unknown,
): Promise<void> {
  const requests = isRecord(body) ? body.requests : undefined;
  if (!Array.isArray(requests) || requests.length === 0) {
    writeGoogleError(
      exchange.response,
      invalidArgument('* BatchEmbedContentsRequest.requests: requests is not specified\n'),
    );
    return;
  }
  const embeddings: { values: number[] }[] = [];
  for (const [index, request] of requests.entries()) {
    const read = readRequest(request, model);
    if (typeof read === 'string') {
      const message = `* BatchEmbedContentsRequest.requests[${index}]: ${read}\n`;
      writeGoogleError(exchange.response, invalidArgument(message));
      return;
    }
    embeddings.push({ values: fakeEmbedding(read.text, read.dimensions) });
  }
  const scenario = parseFakeGoogleScenario(model);
  if (await applyGoogleScenario(exchange, scenario, model, false)) return;
  writeGoogleJson(exchange.response, JSON.stringify({ embeddings }, null, 2), scenario);
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
