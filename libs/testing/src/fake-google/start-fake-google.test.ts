import { afterEach, describe, expect, it } from 'vitest';
import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { createFakePool } from '../fake-upstream/create-fake-pool.js';
import { waitUntil } from '../fake-upstream/wait-until.js';
import { parseSse } from '../sse/parse-sse.js';
import { readSse } from '../sse/read-sse.js';
import { type FakeGoogle, startFakeGoogle } from './start-fake-google.js';

const fakes = createFakePool(startFakeGoogle);
afterEach(() => fakes.closeAll());
const start = (apiKeys?: readonly string[]): Promise<FakeGoogle> =>
  fakes.start(apiKeys === undefined ? {} : { apiKeys });

const hello = { contents: [{ role: 'user', parts: [{ text: 'Hello there' }] }] };

const post = (fake: FakeGoogle, path: string, body: unknown, init: RequestInit = {}) =>
  fetch(`${fake.url}/models/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...init,
  });

describe('startFakeGoogle', () => {
  it('answers generateContent with the echo and usage, and records the request', async () => {
    const fake = await start();
    const response = await post(fake, 'gemini-2.5-flash:generateContent', {
      systemInstruction: { parts: [{ text: 'Be brief' }] },
      ...hello,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      candidates: [
        {
          content: { parts: [{ text: 'Echo: Hello there' }], role: 'model' },
          finishReason: 'STOP',
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: countFakeTokens('Be brief') + countFakeTokens('Hello there'),
        candidatesTokenCount: 3,
        totalTokenCount: 7,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: 4 }],
      },
      modelVersion: 'gemini-2.5-flash',
      responseId: expect.stringMatching(/^[\w-]{20,}$/),
    });
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1beta$/);
    expect(fake.requests).toEqual([
      {
        method: 'POST',
        path: '/v1beta/models/gemini-2.5-flash:generateContent',
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
        body: { systemInstruction: { parts: [{ text: 'Be brief' }] }, ...hello },
        rawBody: expect.any(String),
        receivedAt: expect.any(Number),
        responseBody: expect.any(String),
      },
    ]);
    await waitUntil(() => fake.stats.completed === 1);
    expect(fake.stats).toMatchObject({ active: 0, aborted: 0, completed: 1 });
    fake.reset();
    expect(fake.requests).toEqual([]);
  });

  it('cuts the answer at maxOutputTokens and answers every candidate', async () => {
    const fake = await start();
    const response = await post(fake, 'm:generateContent', {
      ...hello,
      generationConfig: { maxOutputTokens: 2, candidateCount: 2 },
    });
    const body = (await response.json()) as { candidates: unknown[]; usageMetadata: unknown };
    expect(body.candidates).toEqual([
      {
        content: { parts: [{ text: 'Echo: Hello' }], role: 'model' },
        finishReason: 'MAX_TOKENS',
        index: 0,
      },
      {
        content: { parts: [{ text: 'Echo: Hello' }], role: 'model' },
        finishReason: 'MAX_TOKENS',
        index: 1,
      },
    ]);
    expect(body.usageMetadata).toMatchObject({ candidatesTokenCount: 4 });
  });

  it('calls a declared function unless the mode is NONE', async () => {
    const fake = await start();
    const tools = [{ functionDeclarations: [{ name: 'search' }, { name: 'lookup' }] }];
    const call = await post(fake, 'm:generateContent', {
      ...hello,
      tools,
      toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['lookup'] } },
    });
    expect(((await call.json()) as { candidates: unknown[] }).candidates).toEqual([
      {
        content: {
          parts: [{ functionCall: { name: 'lookup', args: { input: 'Hello there' } } }],
          role: 'model',
        },
        finishReason: 'STOP',
        index: 0,
      },
    ]);
    const none = await post(fake, 'm:generateContent', {
      ...hello,
      tools,
      toolConfig: { functionCallingConfig: { mode: 'NONE' } },
    });
    expect(await none.json()).toMatchObject({
      candidates: [{ content: { parts: [{ text: 'Echo: Hello there' }] } }],
    });
  });

  it('streams one SSE event per word with CRLF framing, finish and full usage on the last', async () => {
    const fake = await start();
    const response = await post(fake, 'm:streamGenerateContent?alt=sse', hello);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const text = await response.text();
    expect(text).toMatch(/^data: \{.*\}\r\n\r\n/);
    expect(text).not.toContain('[DONE]');
    const events = parseSse(text).map((event) => JSON.parse(event.data) as Record<string, unknown>);
    expect(events.map((event) => event.candidates)).toEqual([
      [{ content: { parts: [{ text: 'Echo: ' }], role: 'model' }, index: 0 }],
      [{ content: { parts: [{ text: 'Hello ' }], role: 'model' }, index: 0 }],
      [{ content: { parts: [{ text: 'there' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
    ]);
    expect(events[0]?.usageMetadata).toEqual({
      promptTokenCount: 2,
      totalTokenCount: 2,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: 2 }],
    });
    expect(events[2]?.usageMetadata).toMatchObject({ candidatesTokenCount: 3, totalTokenCount: 5 });
    expect(fake.requests[0]?.path).toBe('/v1beta/models/m:streamGenerateContent');
  });

  it('streams a JSON array without alt=sse', async () => {
    const fake = await start();
    const response = await post(fake, 'm:streamGenerateContent', hello);
    const events = (await response.json()) as unknown[];
    expect(events).toHaveLength(3);
  });

  it('embeds every request of a batch deterministically', async () => {
    const fake = await start();
    const request = (text: string, outputDimensionality?: number) => ({
      model: 'models/gemini-embedding-001',
      content: { parts: [{ text }] },
      ...(outputDimensionality === undefined ? {} : { outputDimensionality }),
    });
    const response = await post(fake, 'gemini-embedding-001:batchEmbedContents', {
      requests: [request('a'), request('b', 3), request('a')],
    });
    const body = (await response.json()) as { embeddings: { values: number[] }[] };
    expect(body.embeddings.map((embedding) => embedding.values.length)).toEqual([8, 3, 8]);
    expect(body.embeddings[2]).toEqual(body.embeddings[0]);
    const mismatch = await post(fake, 'gemini-embedding-001:batchEmbedContents', {
      requests: [{ ...request('a'), model: 'models/other' }],
    });
    expect(mismatch.status).toBe(400);
  });

  it('fails with Google’s error bodies on error scenarios', async () => {
    const fake = await start();
    const limited = await post(fake, 'error-429:generateContent', hello);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      error: {
        code: 429,
        status: 'RESOURCE_EXHAUSTED',
        details: expect.arrayContaining([
          { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' },
        ]),
      },
    });
    const overloaded = await post(fake, 'error-503:streamGenerateContent?alt=sse', hello);
    expect(overloaded.status).toBe(503);
    expect(await overloaded.json()).toEqual({
      error: {
        code: 503,
        message: 'The model is overloaded. Please try again later.',
        status: 'UNAVAILABLE',
      },
    });
  });

  it('reports safety stops and blocked prompts, streamed or not', async () => {
    const fake = await start();
    const safety = (await (await post(fake, 'safety:generateContent', hello)).json()) as {
      candidates: Record<string, unknown>[];
    };
    expect(safety.candidates[0]).toMatchObject({ finishReason: 'SAFETY', index: 0 });
    expect(safety.candidates[0]?.content).toBeUndefined();
    const blocked = await (await post(fake, 'blocked:streamGenerateContent?alt=sse', hello)).text();
    const events = parseSse(blocked).map(
      (event) => JSON.parse(event.data) as Record<string, unknown>,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      promptFeedback: { blockReason: 'SAFETY' },
      usageMetadata: { promptTokenCount: 2, totalTokenCount: 2 },
    });
    expect(events[0]?.candidates).toBeUndefined();
  });

  it('sends garbage, and breaks a stream after two events', async () => {
    const fake = await start();
    const garbage = await post(fake, 'garbage:generateContent', hello);
    expect(garbage.status).toBe(200);
    await expect(garbage.json()).rejects.toThrow();
    const garbageStream = await (
      await post(fake, 'garbage:streamGenerateContent?alt=sse', hello)
    ).text();
    expect(garbageStream).toBe('data: {"candidates": [this is not JSON\r\n\r\n');
    const broken = await post(fake, 'break-stream:streamGenerateContent?alt=sse', hello);
    await expect(broken.text()).rejects.toThrow();
    await waitUntil(() => fake.stats.aborted === 1);
  });

  it('waits on slow-<ms> and counts a stalled stream the client left as aborted', async () => {
    const fake = await start();
    const before = Date.now();
    await (await post(fake, 'slow-60:generateContent', hello)).json();
    expect(Date.now() - before).toBeGreaterThanOrEqual(55);
    const controller = new AbortController();
    const response = await post(fake, 'stall-stream:streamGenerateContent?alt=sse', hello, {
      signal: controller.signal,
    });
    if (response.body === null) throw new Error('no body');
    const events = readSse(response.body);
    await events.next();
    expect(fake.stats.active).toBe(1);
    controller.abort();
    await waitUntil(() => fake.stats.aborted === 1);
    const stalled = post(fake, 'stall-headers:generateContent', hello, {
      signal: AbortSignal.timeout(30),
    });
    await expect(stalled).rejects.toThrow();
    await waitUntil(() => fake.stats.aborted === 2);
    expect(fake.stats.active).toBe(0);
  });
});

describe('startFakeGoogle: routes, keys and request checks', () => {
  it('checks x-goog-api-key or ?key= as Google does', async () => {
    const fake = await start(['AIza-good']);
    const missing = await post(fake, 'm:generateContent', hello);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({
      error: { code: 403, status: 'PERMISSION_DENIED' },
    });
    const wrong = await post(fake, 'm:generateContent', hello, {
      headers: { 'x-goog-api-key': 'AIza-bad' },
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({
      error: {
        code: 400,
        message: 'API key not valid. Please pass a valid API key.',
        status: 'INVALID_ARGUMENT',
        details: [expect.objectContaining({ reason: 'API_KEY_INVALID' }), expect.anything()],
      },
    });
    const header = await post(fake, 'm:generateContent', hello, {
      headers: { 'x-goog-api-key': 'AIza-good' },
    });
    expect(header.status).toBe(200);
    const query = await post(fake, 'm:generateContent?key=AIza-good', hello);
    expect(query.status).toBe(200);
  });

  it('rejects unknown fields, empty contents, bad JSON and unknown paths like Google', async () => {
    const fake = await start();
    const unknown = await post(fake, 'm:generateContent', {
      ...hello,
      generationConfig: { max_tokens: 5 },
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({
      error: {
        message: `Invalid JSON payload received. Unknown name "max_tokens" at 'generation_config': Cannot find field.`,
        status: 'INVALID_ARGUMENT',
      },
    });
    const empty = await post(fake, 'm:generateContent', { contents: [] });
    expect(await empty.json()).toMatchObject({
      error: { message: '* GenerateContentRequest.contents: contents is not specified\n' },
    });
    const role = await post(fake, 'm:generateContent', {
      contents: [{ role: 'assistant', parts: [{ text: 'x' }] }],
    });
    expect(await role.json()).toMatchObject({
      error: { message: 'Please use a valid role: user, model.' },
    });
    expect((await post(fake, 'm:generateContent', '{"contents":')).status).toBe(400);
    const missing = await fetch(`${fake.url}/models/m:countTokens`, { method: 'POST', body: '{}' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
  });
});
