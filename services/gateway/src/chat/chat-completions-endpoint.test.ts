import { readJsonObjectText } from '@switchyard/contracts';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import { type Candidate, planCandidates } from '../routing/plan-candidates.js';
import { testCatalog } from '../routing/test-catalog.js';
import { chatCompletionsEndpoint } from './chat-completions-endpoint.js';

const catalog = testCatalog({
  'openai/gpt': { routes: ['openai', 'backup'], contextLength: 8_000, maxOutputTokens: 1_000 },
});
const endpoint = chatCompletionsEndpoint({ cutoff: createShutdownCutoff(), now: () => 0 });
const target = (candidate: Candidate) => ({
  baseUrl: candidate.route.provider.baseUrl,
  upstreamModel: candidate.route.upstreamModel,
  apiKey: 'sk-test',
  extraHeaders: {},
});

/** The endpoint's parse of `text` as the body check leaves it: its members located. */
async function parse(text: string) {
  const request = { headers: {}, rawBody: readJsonObjectText(text) } as unknown as FastifyRequest;
  const parsed = await endpoint.parse(JSON.parse(text), request, {} as never);
  return { parsed, request };
}

describe('chatCompletionsEndpoint', () => {
  it('sends the caller’s text to the first upstream request only; a fallback is re-serialised', async () => {
    const text =
      '{"model": "openai/gpt", "max_tokens": 5000, "temperature": 1.0, "messages": [{"role": "user", "content": "caf\\u00e9"}]}';
    const { parsed, request } = await parse(text);
    // Taken off the Fastify request: only the first upstream request built holds it.
    expect(request.rawBody).toBeUndefined();
    const [first, backup] = planCandidates(catalog, { model: 'openai/gpt' }, 'chat');
    if (first === undefined || backup === undefined) throw new Error('two candidates expected');
    const fitted = endpoint.fit(parsed, [first, backup]);
    expect(fitted.build(first, target(first)).body).toBe(
      '{"model": "gpt", "max_tokens": 1000, "temperature": 1.0, "messages": [{"role": "user", "content": "caf\\u00e9"}]}',
    );
    expect(fitted.build(backup, target(backup)).body).toBe(
      '{"model":"gpt","max_tokens":1000,"temperature":1,"messages":[{"role":"user","content":"café"}]}',
    );
  });

  it('re-serialises a request the schema parsed: its text is not what it reads', async () => {
    const text =
      '{"model": "openai/gpt", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "https://example.com/a.png"}}]}]}';
    const { parsed } = await parse(text);
    const [first] = planCandidates(catalog, { model: 'openai/gpt' }, 'chat');
    if (first === undefined) throw new Error('a candidate expected');
    const built = endpoint.fit(parsed, [first]).build(first, target(first));
    expect(built.body).not.toBe(text.replace('openai/gpt', 'gpt'));
    expect(JSON.parse(built.body ?? '')).toEqual({ ...JSON.parse(text), model: 'gpt' });
  });

  it('re-serialises a request with a top-level key written twice: the parse read the last', async () => {
    const text =
      '{"model": "openai/gpt", "stream": true, "messages": [{"role": "user", "content": "hi"}], "stream": false}';
    const { parsed } = await parse(text);
    const [first] = planCandidates(catalog, { model: 'openai/gpt' }, 'chat');
    if (first === undefined) throw new Error('a candidate expected');
    const built = endpoint.fit(parsed, [first]).build(first, target(first));
    expect(built.body).toBe(
      '{"model":"gpt","stream":false,"messages":[{"role":"user","content":"hi"}]}',
    );
  });
});
