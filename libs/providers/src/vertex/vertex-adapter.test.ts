import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { createVertexAdapter } from './vertex-adapter.js';

const BASE = 'https://us-east5-aiplatform.googleapis.com/v1/projects/acme-prod/locations/us-east5';
const adapter = createVertexAdapter();
const target = (upstreamModel: string, baseUrl = BASE) => ({
  baseUrl,
  upstreamModel,
  apiKey: '{"type":"service_account"}',
  extraHeaders: {},
});
const chat = (stream: boolean) => ({
  model: 'vertex/x',
  max_tokens: 64,
  stream,
  messages: [
    { role: 'system' as const, content: 'terse' },
    { role: 'user' as const, content: 'hi' },
  ],
});

describe('the vertex adapter', () => {
  it("posts Claude requests to rawPredict with Anthropic's body, vertex's version and no model", () => {
    const built = adapter.buildChatRequest(chat(false), target('claude-sonnet-4-5@20250929'));
    expect(built.url).toBe(
      `${BASE}/publishers/anthropic/models/claude-sonnet-4-5@20250929:rawPredict`,
    );
    const body = JSON.parse(built.body ?? '');
    expect(body).toMatchObject({
      anthropic_version: 'vertex-2023-10-16',
      system: 'terse',
      max_tokens: 64,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
    expect(body).not.toHaveProperty('model');
    expect(built.headers).toEqual({ 'content-type': 'application/json' });
    const streamed = adapter.buildChatRequest(chat(true), target('claude-haiku-4-5@20251001'));
    expect(streamed.url).toMatch(/:streamRawPredict$/);
    expect(JSON.parse(streamed.body ?? '')).toMatchObject({ stream: true });
  });

  it('posts Gemini requests to generateContent, streams as SSE, at regional and global hosts', () => {
    const built = adapter.buildChatRequest(chat(false), target('gemini-2.5-flash'));
    expect(built.url).toBe(`${BASE}/publishers/google/models/gemini-2.5-flash:generateContent`);
    expect(JSON.parse(built.body ?? '')).toMatchObject({
      systemInstruction: { parts: [{ text: 'terse' }] },
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }],
    });
    expect(built.headers['x-goog-api-key']).toBeUndefined();
    const global = 'https://aiplatform.googleapis.com/v1/projects/acme-prod/locations/global';
    expect(adapter.buildChatRequest(chat(true), target('gemini-2.5-pro', global)).url).toBe(
      `${global}/publishers/google/models/gemini-2.5-pro:streamGenerateContent?alt=sse`,
    );
  });

  it('parses each publisher with its own translation', () => {
    const fixture = (name: string): unknown =>
      JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'));
    const claude = adapter.parseChatResponse(fixture('claude-message-text.json'), {
      createdAtSeconds: 1,
      upstreamModel: 'claude-sonnet-4-5@20250929',
    });
    expect(claude.usage?.cachedTokens).toBe(2048);
    const gemini = adapter.parseChatResponse(fixture('gemini-generate-content.json'), {
      createdAtSeconds: 1,
      upstreamModel: 'gemini-2.5-flash',
    });
    expect(gemini.usage?.reasoningTokens).toBe(30);
  });

  it('embeds through predict, and refuses embeddings of a Claude model before sending', () => {
    const built = adapter.embeddings?.buildRequest(
      { model: 'vertex/embed', input: ['alpha', 'beta'], dimensions: 4 },
      target('text-embedding-005'),
    );
    expect(built?.url).toBe(`${BASE}/publishers/google/models/text-embedding-005:predict`);
    expect(JSON.parse(built?.body ?? '')).toEqual({
      instances: [{ content: 'alpha' }, { content: 'beta' }],
      parameters: { outputDimensionality: 4 },
    });
    expect(() =>
      adapter.embeddings?.buildRequest({ model: 'm', input: 'x' }, target('claude-haiku-4-5')),
    ).toThrow(ProviderError);
    expect(() =>
      adapter.embeddings?.buildRequest({ model: 'm', input: [1, 2] }, target('text-embedding-005')),
    ).toThrow(/token arrays/);
  });

  it('reads predictions as an OpenAI embeddings list with their token counts', () => {
    const body = JSON.parse(
      readFileSync(new URL('./__fixtures__/predict-text-embedding.json', import.meta.url), 'utf8'),
    );
    const parsed = adapter.embeddings?.parseResponse(body, {
      createdAtSeconds: 1,
      upstreamModel: 'text-embedding-005',
    });
    expect(parsed?.body).toMatchObject({
      object: 'list',
      data: [{ index: 0, embedding: [0.0113, -0.0421, 0.0337, 0.0508] }, { index: 1 }],
      usage: { prompt_tokens: 9, total_tokens: 9 },
    });
    expect(parsed?.usage?.promptTokens).toBe(9);
    expect(() =>
      adapter.embeddings?.parseResponse(
        { embeddings: [] },
        { createdAtSeconds: 1, upstreamModel: 'm' },
      ),
    ).toThrow(ProviderError);
  });
});
