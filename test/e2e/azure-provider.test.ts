import {
  type FakeAzure,
  type FakeEntra,
  startFakeAzure,
  startFakeEntra,
} from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

const MASTER_KEY = 'sk-sy-e2e-azure';
const AZURE_KEY = 'azure0key0123456789abcdef0123456';
const WRONG_KEY = 'azure0wrong9876543210fedcba98765';
const PRINCIPAL = {
  tenantId: '72f988bf-0000-4000-8000-2d7cd011db47',
  clientId: 'b6f0e8a2-0000-4000-8000-4c3b2a1d0e9f',
  clientSecret: 'entra~secret~0123456789abcdefghij',
};
/** Entra tokens live two seconds here, so one test outlives one. */
const TOKEN_LIFETIME_SECONDS = 2;
let entra: FakeEntra;
let azure: FakeAzure;
let gateway: Standalone;
let openai: OpenAI;

const principalKey = (secret: string) =>
  JSON.stringify({
    tenant_id: PRINCIPAL.tenantId,
    client_id: PRINCIPAL.clientId,
    client_secret: secret,
    authority_host: entra.url,
  });

beforeAll(async () => {
  entra = await startFakeEntra({ ...PRINCIPAL, tokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS });
  azure = await startFakeAzure({ apiKeys: [AZURE_KEY], verifyToken: entra.tokens.verify });
  const yaml = `
providers:
  - { name: azure, type: azure, base_url: "\${AZURE_URL}", keys: ["\${AZURE_KEY}"] }
  - { name: azure-v1, type: azure, base_url: "\${AZURE_URL}/openai/v1", keys: "\${AZURE_ENTRA}" }
  - { name: azure-wrong, type: azure, base_url: "\${AZURE_URL}", keys: ["\${AZURE_WRONG_KEY}"] }
  - { name: azure-wrong-entra, type: azure, base_url: "\${AZURE_URL}/openai/v1", keys: "\${AZURE_WRONG_ENTRA}" }
  - { name: azure-leaky, type: azure, base_url: "\${AZURE_URL}/openai/v1", keys: "\${AZURE_ENTRA}" }
  - { name: azure-pool, type: azure, base_url: "\${AZURE_URL}", keys: ["\${AZURE_WRONG_ENTRA}", "\${AZURE_KEY}"] }
models:
  - { id: azure/gpt-4o, upstream_model: gpt-4o-prod, context_length: 128000, max_output_tokens: 16384, pricing: { prompt: "0.0000025", completion: "0.00001" } }
  - { id: azure/embed, kind: embedding, upstream_model: text-embedding-3-small, context_length: 8191, pricing: { prompt: "0.00000002" } }
  - { id: azure/content-filter-prompt, context_length: 8192 }
  - { id: azure/content-filter-output, context_length: 8192 }
  - { id: azure-v1/gpt-4o, upstream_model: gpt-4o-v1, context_length: 128000 }
  - { id: azure-wrong/gpt-4o, upstream_model: gpt-4o-prod, context_length: 128000 }
  - { id: azure-wrong-entra/gpt-4o, upstream_model: gpt-4o-v1, context_length: 128000 }
  - { id: azure-leaky/error-leak, context_length: 8192 }
  - { id: azure-pool/gpt-4o, upstream_model: gpt-4o-prod, context_length: 128000 }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      AZURE_URL: azure.url,
      AZURE_KEY,
      AZURE_WRONG_KEY: WRONG_KEY,
      AZURE_ENTRA: principalKey(PRINCIPAL.clientSecret),
      AZURE_WRONG_ENTRA: principalKey('entra~wrong~secret~9876543210zyxw'),
    },
  });
  openai = new OpenAI({ baseURL: gateway.baseUrl, apiKey: MASTER_KEY, maxRetries: 0 });
});
afterAll(async () => {
  await gateway?.stop();
  await azure?.close();
  await entra?.close();
});
beforeEach(() => azure.reset());

const bearerOf = (headers: Readonly<Record<string, string | undefined>>) =>
  headers.authorization?.replace(/^Bearer /, '');
const lastUpstream = () => {
  const request = azure.requests.at(-1);
  if (request === undefined) throw new Error('the fake Azure received nothing');
  return request as typeof request & { body: Record<string, unknown> };
};
const tools = [
  {
    type: 'function' as const,
    function: {
      name: 'lookup',
      description: 'Look up',
      parameters: { type: 'object', properties: { input: { type: 'string' } } },
    },
  },
];

describe('the openai SDK against an azure deployment (api-key)', () => {
  it('chats through the deployment route with the api-key header', async () => {
    const completion = await openai.chat.completions.create({
      model: 'azure/gpt-4o',
      messages: [{ role: 'user', content: 'hello azure' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Echo: hello azure');
    expect((completion.usage as unknown as { cost: number }).cost).toBeGreaterThan(0);
    const sent = lastUpstream();
    expect(sent.path).toBe('/openai/deployments/gpt-4o-prod/chat/completions');
    expect(sent.headers['api-key']).toBe(AZURE_KEY);
    expect(sent.headers.authorization).toBeUndefined();
  });

  it('streams with usage', async () => {
    const stream = await openai.chat.completions.create({
      model: 'azure/gpt-4o',
      messages: [{ role: 'user', content: 'stream from azure' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Echo: stream from azure');
    expect(usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('calls tools, streamed and not', async () => {
    const request = {
      model: 'azure/gpt-4o',
      messages: [{ role: 'user' as const, content: 'find it' }],
      tools,
      tool_choice: 'required' as const,
    };
    const completion = await openai.chat.completions.create(request);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({
      type: 'function',
      function: { name: 'lookup' },
    });
    const stream = await openai.chat.completions.create({ ...request, stream: true });
    let name = '';
    for await (const chunk of stream)
      name += chunk.choices[0]?.delta.tool_calls?.[0]?.function?.name ?? '';
    expect(name).toBe('lookup');
  });

  it('embeds through the embeddings deployment', async () => {
    const result = await openai.embeddings.create({ model: 'azure/embed', input: ['a b', 'c'] });
    expect(result.data).toHaveLength(2);
    expect(result.usage.prompt_tokens).toBe(3);
    expect(lastUpstream().path).toBe('/openai/deployments/text-embedding-3-small/embeddings');
  });

  it('refuses a filtered prompt as content_filter, keeping the reason', async () => {
    const error = await openai.chat.completions
      .create({ model: 'azure/content-filter-prompt', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: 400, code: 'content_filter' });
    expect((error as Error).message).toMatch(
      /filtered: jailbreak \(detected\), violence \(medium\)/,
    );
  });

  it('reports a filtered answer as finish_reason content_filter with its verdicts', async () => {
    const completion = await openai.chat.completions.create({
      model: 'azure/content-filter-output',
      messages: [{ role: 'user', content: 'x' }],
    });
    const choice = completion.choices[0] as unknown as Record<string, unknown>;
    expect(choice.finish_reason).toBe('content_filter');
    expect(choice.content_filter_results).toMatchObject({
      hate: { filtered: true, severity: 'high' },
    });
  });

  it('streams a filtered answer: the finish reason and verdicts arrive, the prompt-filter event does not', async () => {
    const stream = await openai.chat.completions.create({
      model: 'azure/content-filter-output',
      messages: [{ role: 'user', content: 'x' }],
      stream: true,
    });
    const chunks: Record<string, unknown>[] = [];
    for await (const chunk of stream) chunks.push(chunk as unknown as Record<string, unknown>);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk')).toBe(true);
    const last = chunks
      .flatMap((chunk) => chunk.choices as Record<string, unknown>[])
      .find((choice) => choice.finish_reason !== null);
    expect(last).toMatchObject({
      finish_reason: 'content_filter',
      content_filter_results: { hate: { filtered: true, severity: 'high' } },
    });
  });

  it('fails on a wrong api-key without echoing it', async () => {
    const error = await openai.chat.completions
      .create({ model: 'azure-wrong/gpt-4o', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect((error as Error).message).toMatch(/Access denied due to invalid subscription key/);
    expect(JSON.stringify(error)).not.toContain(WRONG_KEY);
    expect(lastUpstream().headers['api-key']).toBe(WRONG_KEY);
  });
});

describe('the openai SDK against the azure v1 API with a Microsoft Entra principal', () => {
  it('chats with a bearer token from Entra, refreshed once it is short of expiry', async () => {
    const ask = () =>
      openai.chat.completions.create({
        model: 'azure-v1/gpt-4o',
        messages: [{ role: 'user', content: 'hello entra' }],
      });
    const issuedBefore = entra.tokens.issued;
    expect((await ask()).choices[0]?.message.content).toBe('Echo: hello entra');
    const first = lastUpstream();
    expect(first.path).toBe('/openai/v1/chat/completions');
    expect(first.body.model).toBe('gpt-4o-v1');
    expect(first.headers['api-key']).toBeUndefined();
    const firstToken = first.headers.authorization;
    expect(firstToken).toMatch(/^Bearer /);
    await ask();
    expect(lastUpstream().headers.authorization).toBe(firstToken);
    // Past the first token's life: the fake refuses it, so only a refreshed token can answer.
    await new Promise((resolve) => setTimeout(resolve, TOKEN_LIFETIME_SECONDS * 1000 + 100));
    expect(entra.tokens.verify(firstToken?.slice('Bearer '.length))).toBe('expired');
    expect((await ask()).choices[0]?.message.content).toBe('Echo: hello entra');
    expect(lastUpstream().headers.authorization).not.toBe(firstToken);
    expect(entra.tokens.issued - issuedBefore).toBe(2);
  });

  it('fails when Entra refuses the secret, without echoing it', async () => {
    const before = azure.requests.length;
    const error = await openai.chat.completions
      .create({ model: 'azure-wrong-entra/gpt-4o', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect((error as Error).message).toMatch(
      /Microsoft Entra refused the Azure credential: invalid_client/,
    );
    expect(JSON.stringify(error)).not.toContain('entra~wrong~secret');
    expect((error as Error).message).not.toContain('entra~wrong~secret');
    // Nothing reached Azure without a token.
    expect(azure.requests.length).toBe(before);
  });

  it("moves to the pool's next credential when Entra refuses one", async () => {
    const { data, response } = await openai.chat.completions
      .create({ model: 'azure-pool/gpt-4o', messages: [{ role: 'user', content: 'pooled' }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe('Echo: pooled');
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(lastUpstream().headers['api-key']).toBe(AZURE_KEY);
  });

  it('never echoes the bearer token an upstream error quotes', async () => {
    const error = await openai.chat.completions
      .create({ model: 'azure-leaky/error-leak', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    const token = bearerOf(lastUpstream().headers);
    expect(entra.tokens.verify(token)).toBe('valid');
    expect(error).toMatchObject({ status: 502, code: 'upstream_auth_failed' });
    expect((error as Error).message).toMatch(/Access denied for credential/);
    expect(JSON.stringify(error)).not.toContain(String(token));
  });
});
