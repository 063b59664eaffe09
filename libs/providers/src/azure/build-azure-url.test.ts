import { describe, expect, it } from 'vitest';
import { buildAzureUrl } from './build-azure-url.js';

const target = (baseUrl: string, upstreamModel = 'gpt-4o-prod') => ({
  baseUrl,
  upstreamModel,
  apiKey: undefined,
  extraHeaders: {},
});

describe('buildAzureUrl', () => {
  it('routes to the deployment with the GA api-version by default', () => {
    expect(buildAzureUrl(target('https://acme.openai.azure.com'), 'chat/completions')).toBe(
      'https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21',
    );
    expect(buildAzureUrl(target('https://acme.openai.azure.com/openai'), 'embeddings')).toBe(
      'https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/embeddings?api-version=2024-10-21',
    );
  });

  it('keeps the api-version the base URL names', () => {
    const url = buildAzureUrl(
      target('https://acme.cognitiveservices.azure.com?api-version=2025-01-01-preview'),
      'chat/completions',
    );
    expect(url).toBe(
      'https://acme.cognitiveservices.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2025-01-01-preview',
    );
  });

  it('encodes the deployment name as one path segment', () => {
    expect(buildAzureUrl(target('http://127.0.0.1:9/', 'a b/c'), 'embeddings')).toBe(
      'http://127.0.0.1:9/openai/deployments/a%20b%2Fc/embeddings?api-version=2024-10-21',
    );
  });

  it('uses the v1 API path when the base URL ends in /openai/v1', () => {
    expect(
      buildAzureUrl(target('https://acme.openai.azure.com/openai/v1'), 'chat/completions'),
    ).toBe('https://acme.openai.azure.com/openai/v1/chat/completions');
    expect(
      buildAzureUrl(target('https://acme.services.ai.azure.com/openai/v1/'), 'embeddings'),
    ).toBe('https://acme.services.ai.azure.com/openai/v1/embeddings');
  });
});
