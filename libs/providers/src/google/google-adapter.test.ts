import { describe, expect, it } from 'vitest';
import { createGoogleAdapter } from './google-adapter.js';

describe('createGoogleAdapter', () => {
  const adapter = createGoogleAdapter();

  it('declares the google type, no max_tokens requirement, and embeddings', () => {
    expect(adapter.type).toBe('google');
    expect(adapter.requiresMaxTokens).toBe(false);
    const parsed = adapter.embeddings?.parseResponse(
      { embeddings: [{ values: [0.25, 0.5] }] },
      { createdAtSeconds: 1, upstreamModel: 'gemini-embedding-001' },
    );
    expect(parsed?.body.data).toEqual([{ object: 'embedding', index: 0, embedding: [0.25, 0.5] }]);
  });
});
