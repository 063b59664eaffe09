import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { createOpenAiCompatibleAdapter } from './openai-compatible-adapter.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const adapter = createOpenAiCompatibleAdapter();
const CONTEXT = { createdAtSeconds: 1_700_000_000, upstreamModel: 'gpt-4o' };
const target = {
  baseUrl: 'http://upstream.test/v1',
  upstreamModel: 'gpt-4o',
  apiKey: 'sk-upstream',
  extraHeaders: { 'x-org': 'acme' },
};

describe('openai-compatible adapter', () => {
  it('passes every field on, swaps the model and always asks for usage on streams', () => {
    const request = adapter.buildChatRequest(
      {
        model: 'openai/gpt-4o',
        messages: [{ role: 'user', content: 'hi' }],
        stream: true,
        temperature: 0.3,
        seed: 7,
        logit_bias: { '50256': -100 },
        models: ['openai/gpt-4o-mini'],
      },
      target,
    );
    expect(request.url).toBe('http://upstream.test/v1/chat/completions');
    expect(request.headers).toMatchObject({ authorization: 'Bearer sk-upstream', 'x-org': 'acme' });
    expect(JSON.parse(request.body ?? '')).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.3,
      seed: 7,
      logit_bias: { '50256': -100 },
    });
  });

  it('sends no authorization header to a server without keys', () => {
    const request = adapter.embeddings?.buildRequest(
      { model: 'x/e', input: 'a' },
      { ...target, apiKey: undefined },
    );
    expect(request?.url).toBe('http://upstream.test/v1/embeddings');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('reads usage, cached tokens included, from a completion', () => {
    const parsed = adapter.parseChatResponse(JSON.parse(fixture('chat-completion.json')), CONTEXT);
    expect(parsed.usage).toEqual({
      promptTokens: 1117,
      completionTokens: 46,
      cachedTokens: 1024,
      reasoningTokens: 0,
    });
  });

  it('types a body without choices as a malformed response', () => {
    expect(() => adapter.parseChatResponse({ id: 'x' }, CONTEXT)).toThrow(ProviderError);
    try {
      adapter.parseChatResponse('nope', CONTEXT);
    } catch (error) {
      expect(error).toMatchObject({ kind: 'malformed_response', retryable: false });
    }
  });

  it('types a 429 as retryable with its retry-after', () => {
    const error = adapter.parseError(
      429,
      fixture('error-rate-limit.json'),
      { 'retry-after': '2' },
      0,
    );
    expect(error).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      code: 'rate_limit_exceeded',
      retryable: true,
      retryAfterSeconds: 2,
    });
    expect(error.message).toMatch(/Rate limit reached/);
  });

  it('keeps a non-JSON error body as the message and classifies 5xx as retryable', () => {
    const error = adapter.parseError(502, '<html>Bad Gateway</html>', {}, 0);
    expect(error).toMatchObject({
      kind: 'server_error',
      retryable: true,
      code: null,
      message: '<html>Bad Gateway</html>',
    });
  });
});
