import type { ChatCompletionRequest } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { buildGoogleRequest } from './build-google-request.js';

const target = {
  baseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  upstreamModel: 'gemini-2.5-flash',
  apiKey: 'AIza-upstream',
  extraHeaders: { 'x-org': 'acme' },
};

const build = (request: Partial<ChatCompletionRequest>) => {
  const built = buildGoogleRequest(
    { model: 'google/gemini', messages: [{ role: 'user', content: 'hi' }], ...request },
    target,
  );
  return { ...built, json: JSON.parse(built.body ?? '') as Record<string, unknown> };
};

const refusal = (request: Partial<ChatCompletionRequest>): ProviderError => {
  try {
    build(request);
  } catch (error: unknown) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('the request was not refused');
};

describe('buildGoogleRequest', () => {
  it('posts to generateContent with the key in x-goog-api-key and no warnings', () => {
    const request = build({});
    expect(request.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent',
    );
    expect(request.method).toBe('POST');
    expect(request.headers).toEqual({
      'x-org': 'acme',
      'content-type': 'application/json',
      'x-goog-api-key': 'AIza-upstream',
    });
    expect(request.json).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
    expect(request.warnings).toEqual([]);
  });

  it('streams from streamGenerateContent?alt=sse and sends no key header without a key', () => {
    const built = buildGoogleRequest(
      { model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true },
      { ...target, upstreamModel: 'models/gemini-2.0-flash', apiKey: undefined },
    );
    expect(built.url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse',
    );
    expect(built.headers['x-goog-api-key']).toBeUndefined();
  });

  it('moves system and developer messages to systemInstruction and maps roles', () => {
    const { json } = build({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'user', content: 'Bonjour' },
        { role: 'user', content: [{ type: 'text', text: 'Ça va ?' }] },
        { role: 'assistant', content: 'Oui.' },
        { role: 'user', content: 'Merci' },
      ],
    });
    expect(json.systemInstruction).toEqual({
      parts: [{ text: 'Be brief.' }, { text: 'Answer in French.' }],
    });
    expect(json.contents).toEqual([
      { role: 'user', parts: [{ text: 'Bonjour' }, { text: 'Ça va ?' }] },
      { role: 'model', parts: [{ text: 'Oui.' }] },
      { role: 'user', parts: [{ text: 'Merci' }] },
    ]);
  });

  it('sends data: images inline and http(s) images as fileData with a guessed MIME type', () => {
    const { json } = build({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.webp?size=2' } },
            { type: 'image_url', image_url: { url: 'https://example.com/render' } },
          ],
        },
      ],
    });
    expect(json.contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'Compare' },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          { fileData: { mimeType: 'image/webp', fileUri: 'https://example.com/cat.webp?size=2' } },
          { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/render' } },
        ],
      },
    ]);
  });

  it('refuses images it cannot send and warns about image detail', () => {
    const error = refusal({
      messages: [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/a.png' } }] },
      ],
    });
    expect(error).toMatchObject({
      kind: 'invalid_request',
      status: 400,
      param: 'messages[0].content[0].image_url.url',
    });
    const { warnings } = build({
      messages: [
        {
          role: 'user',
          content: [{ type: 'image_url', image_url: { url: 'https://x/a.png', detail: 'low' } }],
        },
      ],
    });
    expect(warnings).toEqual(['image_url.detail is not supported by google and was ignored']);
  });

  it('fills generationConfig, with JSON mode and a JSON schema', () => {
    const schema = {
      type: 'object',
      properties: { answer: { type: 'string' } },
      required: ['answer'],
      additionalProperties: false,
    };
    const { json } = build({
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 50,
      max_completion_tokens: 100,
      stop: 'END',
      n: 2,
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema, strict: true },
      },
    });
    expect(json.generationConfig).toEqual({
      temperature: 0.2,
      topP: 0.9,
      maxOutputTokens: 100,
      stopSequences: ['END'],
      candidateCount: 2,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
    const jsonMode = build({ response_format: { type: 'json_object' }, stop: ['a', 'b'] });
    expect(jsonMode.json.generationConfig).toEqual({
      stopSequences: ['a', 'b'],
      responseMimeType: 'application/json',
    });
  });

  it('warns about every field Gemini cannot carry, never silently dropping one', () => {
    const { json, warnings } = build({
      user: 'user-42',
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 2,
      parallel_tool_calls: false,
      models: ['google/other'],
      seed: null,
      messages: [{ role: 'user', content: 'hi', name: 'ada' }],
    });
    expect(warnings).toEqual([
      'user is not supported by google and was ignored',
      'logit_bias is not supported by google and was ignored',
      'logprobs is not supported by google and was ignored',
      'top_logprobs is not supported by google and was ignored',
      'messages[].name is not supported by google and was ignored',
      'parallel_tool_calls=false is not supported by google and was ignored',
    ]);
    expect(json).toEqual({ contents: [{ role: 'user', parts: [{ text: 'hi' }] }] });
  });
});
