import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { parseGoogleEmbeddingsResponse } from './parse-google-embeddings-response.js';

const body: unknown = JSON.parse(
  readFileSync(new URL('./__fixtures__/batch-embed-contents.json', import.meta.url), 'utf8'),
);
const CONTEXT = { createdAtSeconds: 1_750_000_000, upstreamModel: 'gemini-embedding-001' };

describe('parseGoogleEmbeddingsResponse', () => {
  it('returns an OpenAI embeddings list in input order, usage 0 when Gemini counts nothing', () => {
    const parsed = parseGoogleEmbeddingsResponse(body, CONTEXT);
    expect(parsed.body).toMatchObject({
      object: 'list',
      model: 'gemini-embedding-001',
      usage: { prompt_tokens: 0, total_tokens: 0 },
      data: [
        {
          object: 'embedding',
          index: 0,
          embedding: [0.0152, -0.0087, 0.0331, -0.0044, 0.0219, 0.0006, -0.0173, 0.0098],
        },
        { object: 'embedding', index: 1 },
      ],
    });
    expect(parsed.usage).toBeUndefined();
  });

  it('reports the prompt tokens Gemini counted', () => {
    const parsed = parseGoogleEmbeddingsResponse(
      { embeddings: [{ values: [0.5] }], usageMetadata: { promptTokenCount: 4 } },
      CONTEXT,
    );
    expect(parsed.body.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
    expect(parsed.usage).toEqual({
      promptTokens: 4,
      completionTokens: 0,
      cachedTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('encodes vectors as little-endian float32 base64 when asked', () => {
    const parsed = parseGoogleEmbeddingsResponse(
      { embeddings: [{ values: [1, -2.5] }] },
      CONTEXT,
      'base64',
    );
    const data = parsed.body.data as { embedding: string }[];
    const bytes = Buffer.from(data[0]?.embedding ?? '', 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4)]).toEqual([1, -2.5]);
  });

  it('types a body that is not a batchEmbedContents response', () => {
    for (const bad of [{ data: [] }, null, { embeddings: [{ values: 'x' }] }]) {
      expect(() => parseGoogleEmbeddingsResponse(bad, CONTEXT)).toThrow(ProviderError);
    }
  });
});
