import { describe, expect, it } from 'vitest';
import { buildGoogleEmbeddingsRequest } from './build-google-embeddings-request.js';

const target = {
  baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  upstreamModel: 'gemini-embedding-001',
  apiKey: 'AIza-upstream',
  extraHeaders: {},
};

describe('buildGoogleEmbeddingsRequest', () => {
  it('sends every input as one batchEmbedContents request with outputDimensionality', () => {
    const built = buildGoogleEmbeddingsRequest(
      { model: 'google/embed', input: ['first', 'second'], dimensions: 768 },
      target,
    );
    expect(built.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-embedding-001:batchEmbedContents',
    );
    expect(built.headers['x-goog-api-key']).toBe('AIza-upstream');
    expect(JSON.parse(built.body ?? '')).toEqual({
      requests: [
        {
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text: 'first' }] },
          outputDimensionality: 768,
        },
        {
          model: 'models/gemini-embedding-001',
          content: { parts: [{ text: 'second' }] },
          outputDimensionality: 768,
        },
      ],
    });
    expect(built.warnings).toEqual([]);
  });

  it('warns about fields it drops', () => {
    const built = buildGoogleEmbeddingsRequest(
      { model: 'm', input: 'one', user: 'u-1', encoding_format: 'base64' },
      target,
    );
    expect(JSON.parse(built.body ?? '')).toEqual({
      requests: [{ model: 'models/gemini-embedding-001', content: { parts: [{ text: 'one' }] } }],
    });
    // encoding_format is honoured by the gateway, which encodes the floats: no warning.
    expect(built.warnings).toEqual(['user is not supported by google and was ignored']);
  });

  it('refuses token arrays with a 400', () => {
    for (const input of [[1, 2, 3], [[1, 2]]]) {
      expect(() => buildGoogleEmbeddingsRequest({ model: 'm', input }, target)).toThrow(
        expect.objectContaining({ kind: 'invalid_request', status: 400, param: 'input' }),
      );
    }
  });
});
