import { readJsonObjectText } from '@switchyard/contracts';
import { adapterFor } from '@switchyard/providers';
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { createShutdownCutoff } from '../relay/create-shutdown-cutoff.js';
import { type Candidate, planCandidates } from '../routing/plan-candidates.js';
import { testCatalog } from '../routing/test-catalog.js';
import { createMemoryResponseStore } from './create-memory-response-store.js';
import { responsesEndpoint } from './responses-endpoint.js';

const catalog = testCatalog({
  'openai/gpt': { routes: ['openai'], contextLength: 200_000, maxOutputTokens: 64_000 },
});
const endpoint = responsesEndpoint({
  cutoff: createShutdownCutoff(),
  now: () => 0,
  store: createMemoryResponseStore(() => 0),
});
const principal = { keyId: 'key-1' } as Principal;

/** The model's candidate on OpenAI's adapter, which serves the Responses API natively. */
function nativeCandidate(): Candidate {
  const [candidate] = planCandidates(catalog, { model: 'openai/gpt' }, 'chat');
  const adapter = adapterFor('openai');
  if (candidate === undefined || adapter?.responses === undefined) throw new Error('no route');
  const provider = { ...candidate.route.provider, adapter };
  return { ...candidate, route: { ...candidate.route, provider } };
}

/** What the native route is sent for `text` once the budgets clamped the cap to `clamp`. */
async function sentWithClamp(text: string, clamp: number | undefined) {
  const request = { headers: {}, rawBody: readJsonObjectText(text) } as unknown as FastifyRequest;
  const parsed = await endpoint.parse(JSON.parse(text), request, principal);
  const candidate = nativeCandidate();
  const fitted = endpoint.fit(parsed, [candidate]);
  if (clamp !== undefined) fitted.clamp(clamp);
  const target = {
    baseUrl: 'http://openai.test/v1',
    upstreamModel: 'gpt',
    apiKey: 'sk-test',
    extraHeaders: {},
  };
  return JSON.parse(fitted.build(candidate, target).body ?? '') as Record<string, unknown>;
}

describe('fitResponsesRequest', () => {
  it('sends a native route the cap the budgets afford, not the caller’s', async () => {
    const capped = '{"model": "openai/gpt", "input": "hi", "max_output_tokens": 3000}';
    expect((await sentWithClamp(capped, 100)).max_output_tokens).toBe(100);
    expect((await sentWithClamp(capped, undefined)).max_output_tokens).toBe(3000);
    const uncapped = '{"model": "openai/gpt", "input": "hi"}';
    expect((await sentWithClamp(uncapped, 100)).max_output_tokens).toBe(100);
    expect(await sentWithClamp(uncapped, undefined)).toEqual({ model: 'gpt', input: 'hi' });
  });
});
