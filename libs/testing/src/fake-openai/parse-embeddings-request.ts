import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { invalidRequest, type OpenAiErrorResponse } from './openai-error.js';

/** One input to embed: what the vector is derived from and how many tokens it counts. */
export interface FakeEmbeddingInput {
  readonly seed: string;
  readonly tokens: number;
}

/** The fields of an Embeddings request that the fake reads. */
export interface FakeEmbeddingsRequest {
  readonly model: string;
  readonly inputs: readonly FakeEmbeddingInput[];
  readonly dimensions: number;
  readonly encodingFormat: 'float' | 'base64';
}

const invalidInput =
  "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.";

/**
 * Reads an Embeddings body: `input` is a string, a string array, a token array or an array of
 * token arrays (a token array counts its length); `dimensions` defaults to 8 (1..4096).
 */
export function parseEmbeddingsRequest(
  body: unknown,
): { ok: true; request: FakeEmbeddingsRequest } | { ok: false; error: OpenAiErrorResponse } {
  if (!isRecord(body))
    return { ok: false, error: invalidRequest('The body must be a JSON object.') };
  const { model, input, dimensions, encoding_format: encodingFormat } = body;
  if (typeof model !== 'string' || model === '') {
    return { ok: false, error: invalidRequest('you must provide a model parameter') };
  }
  if (input === undefined) {
    const message = "Missing required parameter: 'input'.";
    return { ok: false, error: invalidRequest(message, 'input', 'missing_required_parameter') };
  }
  const inputs = parseInputs(input);
  if (inputs === undefined) return { ok: false, error: invalidRequest(invalidInput) };
  if (dimensions !== undefined && !isDimensions(dimensions)) {
    const message = "Invalid value for 'dimensions': expected an integer from 1 to 4096.";
    return { ok: false, error: invalidRequest(message, 'dimensions', 'invalid_value') };
  }
  if (encodingFormat !== undefined && encodingFormat !== 'float' && encodingFormat !== 'base64') {
    const message = "Invalid value for 'encoding_format': expected 'float' or 'base64'.";
    return { ok: false, error: invalidRequest(message, 'encoding_format', 'invalid_value') };
  }
  return {
    ok: true,
    request: {
      model,
      inputs,
      dimensions: dimensions ?? 8,
      encodingFormat: encodingFormat ?? 'float',
    },
  };
}

function parseInputs(input: unknown): FakeEmbeddingInput[] | undefined {
  if (typeof input === 'string') return [textInput(input)];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((item) => typeof item === 'string')) return input.map(textInput);
  if (isTokenArray(input)) return [tokenInput(input)];
  if (input.every(isTokenArray)) return input.map(tokenInput);
  return undefined;
}

function textInput(text: string): FakeEmbeddingInput {
  return { seed: text, tokens: countFakeTokens(text) };
}

function tokenInput(tokens: readonly number[]): FakeEmbeddingInput {
  return { seed: JSON.stringify(tokens), tokens: tokens.length };
}

function isTokenArray(value: unknown): value is number[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => Number.isInteger(item));
}

function isDimensions(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4096;
}
