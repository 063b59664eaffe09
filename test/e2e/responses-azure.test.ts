import {
  type FakeAzure,
  type FakeEntra,
  startFakeAzure,
  startFakeEntra,
} from '@switchyard/testing';
import OpenAI from 'openai';
import type { ResponseCreateParamsNonStreaming } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// The official openai SDK's Responses client against Azure OpenAI routes: served natively by
// Azure's Responses API — per resource with a preview api-version (api-key) or on the v1 API
// (Entra bearer token) — so built-in tools, `include` and reasoning state reach Azure as the
// caller wrote them, Azure's answer (its `content_filters` included) reaches the SDK, and the
// Response's usage (cached and reasoning tokens) is priced into the ledger.

const MASTER_KEY = 'sk-sy-e2e-responses-azure';
const AZURE_KEY = 'azure0key0123456789abcdef0123456';
const WRONG_KEY = 'azure0wrong9876543210fedcba98765';
const PRINCIPAL = {
  tenantId: '72f988bf-0000-4000-8000-2d7cd011db47',
  clientId: 'b6f0e8a2-0000-4000-8000-4c3b2a1d0e9f',
  clientSecret: 'entra~secret~0123456789abcdefghij',
};
const PRICES = {
  prompt: '0.00000125',
  completion: '0.00001',
  cached_prompt: '0.000000125',
  reasoning: '0.00002',
};

let entra: FakeEntra;
let azure: FakeAzure;
let gateway: Standalone;
let client: OpenAI;

beforeAll(async () => {
  entra = await startFakeEntra(PRINCIPAL);
  azure = await startFakeAzure({ apiKeys: [AZURE_KEY], verifyToken: entra.tokens.verify });
  const pricing = `pricing: ${JSON.stringify(PRICES)}`;
  // The api-key resource names the GA version chat uses; Responses need a later one.
  const yaml = `
providers:
  - { name: azure, type: azure, base_url: "\${AZURE_URL}?api-version=2024-10-21", keys: ["\${AZURE_KEY}"] }
  - { name: azure-v1, type: azure, base_url: "\${AZURE_URL}/openai/v1", keys: "\${AZURE_ENTRA}" }
  - { name: azure-wrong, type: azure, base_url: "\${AZURE_URL}", keys: ["\${AZURE_WRONG_KEY}"] }
models:
  - { id: azure/gpt-5, upstream_model: cached, context_length: 400000, max_output_tokens: 128000, ${pricing} }
  - { id: azure-v1/gpt-5, upstream_model: gpt-5-v1, context_length: 400000, max_output_tokens: 128000, ${pricing} }
  - { id: azure/content-filter-prompt, context_length: 8192 }
  - { id: azure-wrong/gpt-5, upstream_model: gpt-5-prod, context_length: 400000 }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      AZURE_URL: azure.url,
      AZURE_KEY,
      AZURE_WRONG_KEY: WRONG_KEY,
      AZURE_ENTRA: JSON.stringify({
        tenant_id: PRINCIPAL.tenantId,
        client_id: PRINCIPAL.clientId,
        client_secret: PRINCIPAL.clientSecret,
        authority_host: entra.url,
      }),
    },
  });
  client = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await azure?.close();
  await entra?.close();
});
beforeEach(() => azure.reset());

const lastUpstream = () => {
  const request = azure.requests.at(-1);
  if (request === undefined) throw new Error('the fake Azure received nothing');
  return request as typeof request & { body: Record<string, unknown> };
};

interface LedgerEvent {
  endpoint: string;
  model: string;
  provider: string;
  upstream_model: string;
  stream: boolean;
  status: number;
  usage_source: string;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  cost_usd: string | null;
}

/** The ledger's row of a request, once accounting has stored it. */
async function ledgerRow(requestId: string): Promise<LedgerEvent> {
  let row: LedgerEvent | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${gateway.origin}/admin/v1/usage/events/${requestId}`, {
          headers: { authorization: `Bearer ${MASTER_KEY}` },
        });
        if (response.status !== 200) return response.status;
        const body = (await response.json()) as { data?: LedgerEvent } & LedgerEvent;
        row = body.data ?? body;
        return 200;
      },
      { timeout: 15_000 },
    )
    .toBe(200);
  if (row === undefined) throw new Error('no ledger row');
  return row;
}

/** The cost of a ledger row's tokens at {@link PRICES}, each kind at its own rate. */
const costOf = (row: LedgerEvent) =>
  (row.prompt_tokens - row.cached_tokens) * Number(PRICES.prompt) +
  row.cached_tokens * Number(PRICES.cached_prompt) +
  (row.completion_tokens - row.reasoning_tokens) * Number(PRICES.completion) +
  row.reasoning_tokens * Number(PRICES.reasoning);

/** A request only a native route can carry whole: a built-in tool and encrypted reasoning. */
const nativeOnly = {
  tools: [{ type: 'web_search_preview' as const, search_context_size: 'low' as const }],
  include: ['reasoning.encrypted_content' as const],
  reasoning: { effort: 'low' as const, summary: 'auto' as const },
  store: false,
};

describe("the openai SDK's Responses client against an azure deployment (api-key)", () => {
  it("creates a Response through Azure's Responses API, the body as sent, priced in the ledger", async () => {
    const request: ResponseCreateParamsNonStreaming = {
      model: 'azure/gpt-5',
      instructions: 'Be terse.',
      input: 'hello azure',
      max_output_tokens: 500,
      ...nativeOnly,
    };
    const { data, response } = await client.responses.create(request).withResponse();
    expect(data.output_text).toBe('Echo: hello azure');
    expect(data).toMatchObject({ object: 'response', status: 'completed', model: 'azure/gpt-5' });
    const reasoning = data.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.encrypted_content).toEqual(expect.any(String));
    expect(reasoning?.summary[0]?.text).toBe('Considered: hello azure');
    // Azure's own field passes through.
    expect((data as unknown as Record<string, unknown>).content_filters).toEqual([
      expect.objectContaining({ blocked: false, source_type: 'prompt' }),
      expect.objectContaining({ blocked: false, source_type: 'completion' }),
    ]);
    expect(response.headers.get('x-switchyard-provider')).toBe('azure');

    // Per resource, not per deployment (the fake answers it only on 2025-03-01-preview or
    // later), with the api-key; the caller's body with only the model replaced.
    const sent = lastUpstream();
    expect(sent.path).toBe('/openai/responses');
    expect(sent.headers['api-key']).toBe(AZURE_KEY);
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body).toEqual({ ...request, model: 'cached' });

    const usage = data.usage;
    expect(usage?.input_tokens_details.cached_tokens).toBeGreaterThan(0);
    expect(usage?.output_tokens_details.reasoning_tokens).toBe(4);
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id') ?? '');
    expect(row).toMatchObject({
      endpoint: 'responses',
      model: 'azure/gpt-5',
      provider: 'azure',
      upstream_model: 'cached',
      stream: false,
      status: 200,
      usage_source: 'provider',
      prompt_tokens: usage?.input_tokens,
      completion_tokens: usage?.output_tokens,
      cached_tokens: usage?.input_tokens_details.cached_tokens,
      reasoning_tokens: 4,
    });
    expect(Number(row.cost_usd)).toBeCloseTo(costOf(row), 12);
  });

  it('refuses a filtered prompt as content_filter, keeping the reason', async () => {
    const error = await client.responses
      .create({ model: 'azure/content-filter-prompt', input: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: 400, code: 'content_filter' });
    expect((error as Error).message).toMatch(
      /filtered: jailbreak \(detected\), violence \(medium\)/,
    );
    expect(lastUpstream().path).toBe('/openai/responses');
  });

  it('fails on a wrong api-key without echoing it', async () => {
    const error = await client.responses
      .create({ model: 'azure-wrong/gpt-5', input: 'x' })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect((error as Error).message).toMatch(/Access denied due to invalid subscription key/);
    expect(JSON.stringify(error)).not.toContain(WRONG_KEY);
    expect(lastUpstream().headers['api-key']).toBe(WRONG_KEY);
  });
});

describe("the openai SDK's Responses client against the azure v1 API (Entra)", () => {
  it('streams typed events from /openai/v1/responses with a bearer token, usage in the ledger', async () => {
    const request = { model: 'azure-v1/gpt-5', input: 'stream from azure', ...nativeOnly };
    const stream = client.responses.stream(request);
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const final = await stream.finalResponse();
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types).toContain('response.output_text.delta');
    expect(types.at(-1)).toBe('response.completed');
    expect(final.model).toBe('azure-v1/gpt-5');
    const reasoning = final.output.find((item) => item.type === 'reasoning');
    expect(reasoning?.encrypted_content).toEqual(expect.any(String));
    expect(final.usage?.output_tokens_details.reasoning_tokens).toBe(4);

    const sent = lastUpstream();
    expect(sent.path).toBe('/openai/v1/responses');
    expect(sent.headers['api-key']).toBeUndefined();
    expect(entra.tokens.verify(sent.headers.authorization?.replace(/^Bearer /, ''))).toBe('valid');
    expect(sent.body).toEqual({ ...request, model: 'gpt-5-v1', stream: true });

    const { data: events, response } = await client.responses
      .create({ ...request, stream: true })
      .withResponse();
    for await (const _event of events) {
      // Drained: the ledger row is written once the stream ends.
    }
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id') ?? '');
    expect(row).toMatchObject({
      endpoint: 'responses',
      provider: 'azure-v1',
      stream: true,
      status: 200,
      usage_source: 'provider',
      reasoning_tokens: 4,
    });
    expect(row.completion_tokens).toBeGreaterThan(4);
    expect(Number(row.cost_usd)).toBeCloseTo(costOf(row), 12);
  });

  it('continues a Response Azure stored by its previous_response_id', async () => {
    const first = await client.responses.create({ model: 'azure-v1/gpt-5', input: 'remember me' });
    const second = await client.responses.create({
      model: 'azure-v1/gpt-5',
      previous_response_id: first.id,
      input: 'and now?',
    });
    expect(second.output_text).toBe('Echo: and now?');
    // Azure holds the conversation: the gateway forwards the id, not the history.
    expect(lastUpstream().body).toEqual({
      model: 'gpt-5-v1',
      previous_response_id: first.id,
      input: 'and now?',
    });
  });
});
