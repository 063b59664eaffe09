import { readJsonObjectText } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { createVertexAdapter } from './vertex-adapter.js';

const BASE = 'https://us-east5-aiplatform.googleapis.com/v1/projects/acme-prod/locations/us-east5';
const native = createVertexAdapter().nativeMessages;
const target = (upstreamModel: string) => ({
  baseUrl: BASE,
  upstreamModel,
  apiKey: '{"type":"service_account"}',
  extraHeaders: {},
});

describe('the vertex Messages pass-through', () => {
  it('serves Claude models only', () => {
    expect(native?.servesModel?.('claude-sonnet-4-5@20250929')).toBe(true);
    expect(native?.servesModel?.('gemini-2.5-pro')).toBe(false);
  });

  it("posts the caller's bytes without model, with vertex's version, to streamRawPredict", () => {
    const rawBody =
      '{"model":"vertex/claude", "stream":true,"max_tokens":64,' +
      '"messages":[{"role":"user","content":[{"type":"text","text":"hi","cache_control":{"type":"ephemeral"}}]}]}';
    const built = native?.buildRequest(
      {
        rawBody: readJsonObjectText(rawBody),
        stream: true,
        overrides: {},
        headers: { 'anthropic-beta': 'interleaved-thinking-2025-05-14' },
      },
      target('claude-sonnet-4-5@20250929'),
    );
    expect(built?.url).toBe(
      `${BASE}/publishers/anthropic/models/claude-sonnet-4-5@20250929:streamRawPredict`,
    );
    expect(built?.headers).toEqual({
      'content-type': 'application/json',
      'anthropic-beta': 'interleaved-thinking-2025-05-14',
    });
    expect(built?.body).toBe(
      '{"stream":true,"max_tokens":64,' +
        '"messages":[{"role":"user","content":[{"type":"text","text":"hi","cache_control":{"type":"ephemeral"}}]}],' +
        '"anthropic_version":"vertex-2023-10-16"}',
    );
    expect(native?.createStreamDecoder).toBeUndefined();
  });

  it('answers through rawPredict with the fitted max_tokens', () => {
    const built = native?.buildRequest(
      {
        rawBody: readJsonObjectText('{"max_tokens":9000,"model":"m","messages":[]}'),
        stream: false,
        overrides: { max_tokens: 100 },
        headers: {},
      },
      target('claude-haiku-4-5@20251001'),
    );
    expect(built?.url).toMatch(/claude-haiku-4-5@20251001:rawPredict$/);
    expect(built?.body).toBe(
      '{"max_tokens":100,"messages":[],"anthropic_version":"vertex-2023-10-16"}',
    );
  });
});
