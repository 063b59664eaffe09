import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAzureAdapter } from './azure-adapter.js';

const adapter = createAzureAdapter();
const target = {
  baseUrl: 'https://acme.openai.azure.com',
  upstreamModel: 'gpt-4o-prod',
  apiKey: 'azure-key-0123456789',
  extraHeaders: { 'x-ms-client-request-id': 'abc' },
};

describe('the azure adapter', () => {
  it("sends OpenAI's body to the deployment, leaving the credential to the signer", () => {
    const built = adapter.buildChatRequest(
      { model: 'azure/gpt-4o', messages: [{ role: 'user', content: 'hi' }], stream: true },
      target,
    );
    expect(built.url).toBe(
      'https://acme.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21',
    );
    expect(built.headers).toEqual({
      'x-ms-client-request-id': 'abc',
      'content-type': 'application/json',
    });
    expect(JSON.parse(built.body ?? '')).toMatchObject({
      model: 'gpt-4o-prod',
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends embeddings to the deployment', () => {
    const built = adapter.embeddings?.buildRequest({ model: 'azure/embed', input: ['a'] }, target);
    expect(built?.url).toMatch(/\/openai\/deployments\/gpt-4o-prod\/embeddings\?api-version=/);
    expect(built?.headers.authorization).toBeUndefined();
  });

  it('passes a content-filtered answer through with its finish reason and verdicts', () => {
    const body = JSON.parse(
      readFileSync(new URL('./__fixtures__/chat-content-filter.json', import.meta.url), 'utf8'),
    );
    const parsed = adapter.parseChatResponse(body, { createdAtSeconds: 0, upstreamModel: 'm' });
    expect(parsed.body).toMatchObject({
      choices: [
        {
          finish_reason: 'content_filter',
          content_filter_results: { hate: { filtered: true, severity: 'high' } },
        },
      ],
    });
  });

  it("sends a Responses body as the caller wrote it, the deployment as model, to Azure's Responses API", () => {
    const body = {
      model: 'azure/gpt-5',
      models: ['azure/gpt-5', 'azure/gpt-4o'],
      input: 'hi',
      tools: [{ type: 'web_search_preview' }],
      include: ['reasoning.encrypted_content'],
      reasoning: { effort: 'low' },
      stream: true,
    };
    const built = adapter.responses?.buildRequest(body, target);
    expect(built?.url).toBe(
      'https://acme.openai.azure.com/openai/responses?api-version=2025-04-01-preview',
    );
    expect(built?.headers).toEqual({
      'x-ms-client-request-id': 'abc',
      'content-type': 'application/json',
    });
    const { models: _models, ...rest } = body;
    expect(JSON.parse(built?.body ?? '')).toEqual({ ...rest, model: 'gpt-4o-prod' });
    const v1 = adapter.responses?.buildRequest(body, {
      ...target,
      baseUrl: 'https://acme.openai.azure.com/openai/v1',
    });
    expect(v1?.url).toBe('https://acme.openai.azure.com/openai/v1/responses');
    expect(JSON.parse(v1?.body ?? '').model).toBe('gpt-4o-prod');
  });
});
