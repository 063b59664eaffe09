import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { buildBedrockEmbeddingsRequest } from './build-bedrock-embeddings-request.js';
import { parseBedrockEmbeddingsResponse } from './parse-bedrock-embeddings-response.js';

const target = (upstreamModel: string) => ({
  baseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com',
  upstreamModel,
  apiKey: undefined,
  extraHeaders: {},
});
const CONTEXT = { createdAtSeconds: 0, upstreamModel: 'm' };

describe('bedrock embeddings', () => {
  it('sends Titan one text with its dimensions, to invoke', () => {
    const built = buildBedrockEmbeddingsRequest(
      { model: 'x', input: ['hello'], dimensions: 256 },
      target('amazon.titan-embed-text-v2:0'),
    );
    expect(built.url).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.titan-embed-text-v2%3A0/invoke',
    );
    expect(JSON.parse(built.body ?? '')).toEqual({ inputText: 'hello', dimensions: 256 });
  });

  it('refuses a Titan batch, token arrays and other families', () => {
    const titan = target('amazon.titan-embed-text-v2:0');
    expect(() => buildBedrockEmbeddingsRequest({ model: 'x', input: ['a', 'b'] }, titan)).toThrow(
      /one input per request/,
    );
    expect(() => buildBedrockEmbeddingsRequest({ model: 'x', input: [1, 2] }, titan)).toThrow(
      ProviderError,
    );
    expect(() =>
      buildBedrockEmbeddingsRequest({ model: 'x', input: 'a' }, target('meta.llama3')),
    ).toThrow(/titan-embed/);
  });

  it('sends Cohere a batch and reads its vectors in order, without inventing usage', () => {
    const built = buildBedrockEmbeddingsRequest(
      { model: 'x', input: ['a', 'b'] },
      target('cohere.embed-english-v3'),
    );
    expect(JSON.parse(built.body ?? '')).toEqual({
      texts: ['a', 'b'],
      input_type: 'search_document',
    });
    const parsed = parseBedrockEmbeddingsResponse(
      {
        id: 'e',
        embeddings: [[0.1], [0.2]],
        response_type: 'embeddings_floats',
        texts: ['a', 'b'],
      },
      CONTEXT,
    );
    expect(parsed.body.data).toEqual([
      { object: 'embedding', index: 0, embedding: [0.1] },
      { object: 'embedding', index: 1, embedding: [0.2] },
    ]);
    expect(parsed.usage).toBeUndefined();
  });

  it("reads Titan's vector and token count, and refuses anything else", () => {
    const parsed = parseBedrockEmbeddingsResponse(
      { embedding: [0.5, 0.5], inputTextTokenCount: 3 },
      CONTEXT,
    );
    expect(parsed.usage).toEqual({
      promptTokens: 3,
      completionTokens: 0,
      cachedTokens: 0,
      reasoningTokens: 0,
    });
    expect(() => parseBedrockEmbeddingsResponse({ vectors: [] }, CONTEXT)).toThrow(ProviderError);
  });
});
