import { readJsonObjectText } from '@switchyard/contracts';
import { createAnthropicAdapter } from '@switchyard/providers';
import { isCollected } from '@switchyard/testing';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import { type Candidate, planCandidates } from '../routing/plan-candidates.js';
import { testCatalog } from '../routing/test-catalog.js';
import { messagesEndpoint, type ParsedMessages } from './messages-endpoint.js';

const catalog = testCatalog({
  'anthropic/claude': { routes: ['anthropic'], contextLength: 200_000, maxOutputTokens: 64_000 },
  'openai/gpt': { routes: ['openai'], contextLength: 200_000, maxOutputTokens: 4_000 },
});
const endpoint = messagesEndpoint({ cutoff: createShutdownCutoff(), now: () => 0 });
const target = (candidate: Candidate) => ({
  baseUrl: candidate.route.provider.baseUrl,
  upstreamModel: candidate.route.upstreamModel,
  apiKey: 'sk-test',
  extraHeaders: {},
});

/** The model's candidate, its provider speaking Anthropic's Messages API for `anthropic/…`. */
function candidateOf(model: string): Candidate {
  const [candidate] = planCandidates(catalog, { model }, 'chat');
  if (candidate === undefined) throw new Error(model);
  if (!model.startsWith('anthropic/')) return candidate;
  const provider = { ...candidate.route.provider, adapter: createAnthropicAdapter() };
  return { ...candidate, route: { ...candidate.route, provider } };
}

/** The endpoint's parse of `body`, counting how often its translation is asked for. */
async function parseCounting(body: Record<string, unknown>) {
  const text = JSON.stringify(body);
  const request = { headers: {}, rawBody: undefined } as unknown as FastifyRequest;
  const parsed = await endpoint.parse(JSON.parse(text), request, {} as never);
  const counted = { calls: 0 };
  const counting: ParsedMessages = {
    ...parsed,
    translation: () => {
      counted.calls += 1;
      return parsed.translation();
    },
  };
  return { parsed: counting, counted };
}

describe('messagesEndpoint', () => {
  const body = {
    model: 'anthropic/claude',
    max_tokens: 100_000,
    system: 'Be brief.',
    messages: [{ role: 'user', content: 'Hi' }],
  };

  it('passes the body through to a Messages provider without translating it, max_tokens fitted', async () => {
    const { parsed, counted } = await parseCounting(body);
    const candidate = candidateOf('anthropic/claude');
    const fitted = endpoint.fit(parsed, [candidate]);
    const built = fitted.build(candidate, target(candidate));
    expect(counted.calls).toBe(0);
    expect(JSON.parse(built.body ?? '')).toEqual({ ...body, model: 'claude', max_tokens: 64_000 });
    expect(fitted.adjustedMaxTokens(candidate)).toBe(64_000);
  });

  it('translates for another provider, once however often it builds, max_tokens as fitted', async () => {
    const { parsed, counted } = await parseCounting({ ...body, model: 'openai/gpt' });
    const candidate = candidateOf('openai/gpt');
    const fitted = endpoint.fit(parsed, [candidate]);
    const built = fitted.build(candidate, target(candidate));
    expect(counted.calls).toBe(1);
    // A retry builds again from the translation made the first time.
    expect(parsed.translation()).toBe(parsed.translation());
    expect(JSON.parse(built.body ?? '')).toMatchObject({
      model: 'gpt',
      max_tokens: 4_000,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    });
  });

  it('sends every attempt the caller’s bytes; a top-level key written twice, the parse serialised', async () => {
    const text =
      '{"model": "anthropic/claude", "max_tokens": 1.0e2,\n "messages": [{"role": "user", "content": "caf\\u00e9"}]}';
    const request = { headers: {}, rawBody: readJsonObjectText(text) } as unknown as FastifyRequest;
    const parsed = await endpoint.parse(JSON.parse(text), request, {} as never);
    // Taken off the Fastify request: the parsed request holds it.
    expect(request.rawBody).toBeUndefined();
    const candidate = candidateOf('anthropic/claude');
    const fitted = endpoint.fit(parsed, [candidate]);
    const sent = text.replace('anthropic/claude', 'claude');
    // A retry (another key, a fresh connection) sends the same bytes: the prompt cache reads them.
    expect(fitted.build(candidate, target(candidate)).body).toBe(sent);
    expect(fitted.build(candidate, target(candidate)).body).toBe(sent);

    const twice =
      '{"model": "anthropic/claude", "max_tokens": 9, "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}';
    const again = { headers: {}, rawBody: readJsonObjectText(twice) } as unknown as FastifyRequest;
    const read = await endpoint.parse(JSON.parse(twice), again, {} as never);
    expect(endpoint.fit(read, [candidate]).build(candidate, target(candidate)).body).toBe(
      '{"model":"claude","max_tokens":10,"messages":[{"role":"user","content":"hi"}]}',
    );
  });

  it('lets go of the caller’s text once an upstream call answered, not before', async () => {
    const text = `{"model": "anthropic/claude", "max_tokens": 9, "messages": [{"role": "user", "content": "${'x'.repeat(100_000)}"}]}`;
    // Parsed in a function of its own, so this test's frame holds only weak references.
    const parse = async () => {
      const located = readJsonObjectText(text);
      const request = { headers: {}, rawBody: located } as unknown as FastifyRequest;
      return {
        parsed: await endpoint.parse(JSON.parse(text), request, {} as never),
        held: new WeakRef(located),
      };
    };
    const { parsed, held } = await parse();
    // Every attempt until then is sent these bytes.
    expect(await isCollected(held)).toBe(false);
    parsed.answered();
    expect(await isCollected(held)).toBe(true);
    // Not serialised again behind the caller's back: bytes that would differ from theirs.
    expect(() => parsed.rawBody()).toThrow(/after it was answered/);
  });
});
