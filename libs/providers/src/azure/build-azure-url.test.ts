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

  it('sends Responses to the resource, not a deployment, with a version that serves them', () => {
    expect(buildAzureUrl(target('https://acme.openai.azure.com'), 'responses')).toBe(
      'https://acme.openai.azure.com/openai/responses?api-version=2025-04-01-preview',
    );
    // A version chosen for chat that predates Responses is replaced, a later one kept.
    expect(
      buildAzureUrl(
        target('https://acme.openai.azure.com/openai?api-version=2025-01-01-preview'),
        'responses',
      ),
    ).toBe('https://acme.openai.azure.com/openai/responses?api-version=2025-04-01-preview');
    expect(
      buildAzureUrl(
        target('https://acme.openai.azure.com?api-version=2025-03-01-preview'),
        'responses',
      ),
    ).toBe('https://acme.openai.azure.com/openai/responses?api-version=2025-03-01-preview');
    // `preview`/`latest` are v1-API versions: the per-resource path gets the dated one.
    for (const version of ['preview', 'latest']) {
      expect(
        buildAzureUrl(target(`https://acme.openai.azure.com?api-version=${version}`), 'responses'),
      ).toBe('https://acme.openai.azure.com/openai/responses?api-version=2025-04-01-preview');
    }
  });

  it('sends Responses to {base}/responses on the v1 API, keeping its query', () => {
    expect(buildAzureUrl(target('https://acme.openai.azure.com/openai/v1'), 'responses')).toBe(
      'https://acme.openai.azure.com/openai/v1/responses',
    );
    expect(
      buildAzureUrl(
        target('https://acme.openai.azure.com/openai/v1?api-version=preview'),
        'responses',
      ),
    ).toBe('https://acme.openai.azure.com/openai/v1/responses?api-version=preview');
  });
});
