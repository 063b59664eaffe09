import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, type Database } from '@switchyard/db';
import {
  createFreshPostgresDatabase,
  type FakeAnthropic,
  type FakeGoogle,
  type FakeOpenAI,
  type FreshPostgresDatabase,
  startFakeAnthropic,
  startFakeGoogle,
  startFakeOpenAI,
  useNats,
  usePostgres,
  useRedis,
} from '@switchyard/testing';
import OpenAI from 'openai';
import type { FunctionTool, ResponseInputItem } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from './support/start-service.js';

// The official openai SDK's Responses client against the distributed gateway (two replicas
// sharing Redis, accounting on Postgres and NATS): an OpenAI route served natively, Anthropic
// and Gemini routes translated; stored Responses continue on either replica.

const MASTER_KEY = `sk-sy-e2e-${randomBytes(8).toString('hex')}`;
const OPENAI_KEY = 'sk-openai-upstream-0123456789';
const ANTHROPIC_KEY = 'sk-ant-upstream-0123456789';
const GOOGLE_KEY = 'AIzaSyFakeUpstreamKey0123456789abcdef';
const PRICE = 'pricing: { prompt: "0.000002", completion: "0.000008", cached_prompt: "0.0000005" }';
const ROUTES = ['openai/gpt-test', 'anthropic/claude-test', 'google/gemini-test'] as const;

let fakes: { openai: FakeOpenAI; anthropic: FakeAnthropic; google: FakeGoogle };
let fresh: FreshPostgresDatabase;
let database: Database;
let accounting: RunningService;
let gateways: RunningService[] = [];
let clients: OpenAI[] = [];
let client: OpenAI;

beforeAll(async () => {
  const [openai, anthropic, google] = await Promise.all([
    startFakeOpenAI({ apiKeys: [OPENAI_KEY] }),
    startFakeAnthropic({ apiKeys: [ANTHROPIC_KEY] }),
    startFakeGoogle({ apiKeys: [GOOGLE_KEY] }),
  ]);
  fakes = { openai, anthropic, google };
  fresh = await createFreshPostgresDatabase((await usePostgres()).url);
  const shared = {
    DATABASE_URL: fresh.url,
    REDIS_URL: (await useRedis()).url,
    NATS_URL: (await useNats()).url,
    SWITCHYARD_KEY_PEPPER: 'e2e-pepper-0123456789abcdef',
    SWITCHYARD_MASTER_KEY: MASTER_KEY,
    SWITCHYARD_NATS_NAMESPACE: `e2e${randomBytes(5).toString('hex')}`,
  };
  const configFile = join(await mkdtemp(join(tmpdir(), 'switchyard-e2e-responses-')), 'sy.yaml');
  writeFileSync(
    configFile,
    `providers:
  - { name: openai, type: openai, base_url: "${openai.url}", keys: [${OPENAI_KEY}] }
  - { name: anthropic, type: anthropic, base_url: "${anthropic.url}", keys: [${ANTHROPIC_KEY}] }
  - { name: google, type: google, base_url: "${google.url}", keys: [${GOOGLE_KEY}] }
models:
  - { id: openai/gpt-test, upstream_model: gpt-test, context_length: 128000, max_output_tokens: 16384, ${PRICE} }
  - { id: anthropic/claude-test, upstream_model: claude-test, context_length: 200000, max_output_tokens: 8192, ${PRICE} }
  - { id: google/gemini-test, upstream_model: gemini-test, context_length: 1048576, max_output_tokens: 65536, ${PRICE} }
  - id: mixed/flaky
    context_length: 128000
    max_output_tokens: 8192
    routes:
      - { provider: openai, upstream_model: error-500, ${PRICE} }
      - { provider: anthropic, upstream_model: claude-test, ${PRICE} }
`,
  );
  accounting = await startService('accounting', shared);
  gateways = await Promise.all(
    [1, 2].map(() => startService('gateway', { ...shared, SWITCHYARD_CONFIG: configFile })),
  );
  clients = gateways.map(
    (gateway) => new OpenAI({ baseURL: `${gateway.origin}/v1`, apiKey: MASTER_KEY, maxRetries: 0 }),
  );
  client = clients[0] as OpenAI;
  database = createDatabase({ url: fresh.url });
}, 120_000);

afterAll(async () => {
  await Promise.all([...gateways, accounting].map((service) => service?.stop()));
  await database?.close();
  await Promise.all(Object.values(fakes ?? {}).map((fake) => fake.close()));
  await fresh?.drop();
});

const lookup: FunctionTool = {
  type: 'function',
  name: 'lookup',
  description: 'Look something up',
  parameters: {
    type: 'object',
    properties: { input: { type: 'string' } },
    required: ['input'],
    additionalProperties: false,
  },
  strict: true,
};

/** The last request the route's upstream received. */
function lastUpstream(model: string): { path: string; body: Record<string, unknown> } {
  const provider = model.split('/')[0] as keyof typeof fakes;
  return fakes[provider].requests.at(-1) as { path: string; body: Record<string, unknown> };
}

/** The text of a Response's messages (the SDK adds `output_text` only to non-streamed ones). */
function textOf(response: { output: { type: string; content?: unknown }[] }): string {
  return response.output
    .flatMap((item) => (item.type === 'message' ? (item.content as { text?: string }[]) : []))
    .map((part) => part.text ?? '')
    .join('');
}

/** The ledger row of a request, once accounting has it. */
async function ledgerRow(requestId: string) {
  await expect
    .poll(
      async () =>
        (
          await database.db
            .selectFrom('accounting.usage_events')
            .select('request_id')
            .where('request_id', '=', requestId)
            .execute()
        ).length,
      { timeout: 15_000 },
    )
    .toBe(1);
  return database.db
    .selectFrom('accounting.usage_events')
    .selectAll()
    .where('request_id', '=', requestId)
    .executeTakeFirstOrThrow();
}

describe.each(ROUTES)('the openai SDK’s Responses client against %s', (model) => {
  const native = model.startsWith('openai/');

  it('creates a text Response, priced in the ledger', async () => {
    const { data, response } = await client.responses
      .create({ model, instructions: 'Be terse.', input: 'hello there', max_output_tokens: 50 })
      .withResponse();
    expect(data.output_text).toBe('Echo: hello there');
    expect(data).toMatchObject({ object: 'response', status: 'completed', model });
    expect(data.usage?.input_tokens).toBeGreaterThan(0);
    expect(data.usage?.output_tokens).toBe(3);
    expect(response.headers.get('x-switchyard-provider')).toBe(model.split('/')[0]);
    if (native) {
      // Passed through: the upstream received the caller's body with only the model replaced.
      expect(lastUpstream(model)).toEqual(
        expect.objectContaining({
          path: '/v1/responses',
          body: {
            model: 'gpt-test',
            instructions: 'Be terse.',
            input: 'hello there',
            max_output_tokens: 50,
          },
        }),
      );
    }
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id') ?? '');
    expect(row).toMatchObject({
      endpoint: 'responses',
      model,
      status: 200,
      stream: false,
      usage_source: 'provider',
      completion_tokens: '3',
      prompt_tokens: String(data.usage?.input_tokens),
    });
    const expected = (data.usage?.input_tokens ?? 0) * 0.000002 + 3 * 0.000008;
    expect(Number(row.cost_usd)).toBeCloseTo(expected, 12);
  });

  it('streams typed events the SDK parses, in order, usage in the ledger', async () => {
    const stream = client.responses.stream({ model, input: 'stream this please' });
    const types: string[] = [];
    const sequence: number[] = [];
    for await (const event of stream) {
      types.push(event.type);
      sequence.push(event.sequence_number);
    }
    const final = await stream.finalResponse();
    expect(textOf(final)).toBe('Echo: stream this please');
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.completed');
    for (const type of [
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
    ]) {
      expect(types).toContain(type);
    }
    expect(sequence).toEqual(sequence.map((_, index) => index));
    expect(final.usage?.output_tokens).toBe(4);
    if (native) {
      expect(lastUpstream(model).body).toEqual({
        model: 'gpt-test',
        input: 'stream this please',
        stream: true,
      });
    }

    const { data: events, response } = await client.responses
      .create({ model, input: 'count me', stream: true })
      .withResponse();
    for await (const _event of events) {
      // Drained: the ledger row is written once the stream ends.
    }
    const row = await ledgerRow(response.headers.get('x-switchyard-request-id') ?? '');
    expect(row).toMatchObject({ endpoint: 'responses', stream: true, usage_source: 'provider' });
    expect(Number(row.cost_usd)).toBeGreaterThan(0);
  });

  it('runs function calls over several turns with previous_response_id, on either replica', async () => {
    const first = await client.responses.create({
      model,
      input: 'weather in Paris',
      tools: [lookup],
    });
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'lookup' });
    if (call?.type !== 'function_call') throw new Error('no function call');
    expect(JSON.parse(call.arguments)).toEqual({ input: 'weather in Paris' });

    // The next turn on the other replica: stored Responses live in the shared Redis.
    const second = await (clients[1] as OpenAI).responses.create({
      model,
      previous_response_id: first.id,
      input: [{ type: 'function_call_output', call_id: call.call_id, output: 'sunny, 21°C' }],
      tools: [lookup],
      tool_choice: 'none',
    });
    expect(second.output_text).toContain('Echo:');
    expect(second.previous_response_id).toBe(first.id);
    const upstream = JSON.stringify(lastUpstream(model).body);
    expect(upstream).toContain('sunny, 21°C');
    if (native) expect(lastUpstream(model).body.previous_response_id).toBe(first.id);
    else expect(upstream).toContain('weather in Paris');

    // A third turn continues the second.
    const third = await client.responses.create({
      model,
      previous_response_id: second.id,
      input: 'and tomorrow?',
    });
    expect(third.output_text).toBe('Echo: and tomorrow?');
    expect(JSON.stringify(lastUpstream(model).body)).toContain(native ? second.id : 'sunny, 21°C');
  });

  it('runs function calls with explicit input items and store: false, streamed', async () => {
    const stream = client.responses.stream({
      model,
      input: 'find kiwis',
      tools: [lookup],
      tool_choice: { type: 'function', name: 'lookup' },
      store: false,
    });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    const first = await stream.finalResponse();
    expect(types).toContain('response.function_call_arguments.delta');
    expect(types).toContain('response.function_call_arguments.done');
    const call = first.output.find((item) => item.type === 'function_call');
    if (call?.type !== 'function_call') throw new Error('no function call');
    expect(JSON.parse(call.arguments)).toEqual({ input: 'find kiwis' });

    const input: ResponseInputItem[] = [
      { role: 'user', content: 'find kiwis' },
      { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments },
      { type: 'function_call_output', call_id: call.call_id, output: 'three kiwis' },
    ];
    const second = await client.responses.create({
      model,
      input,
      tools: [lookup],
      tool_choice: 'none',
      store: false,
    });
    expect(second.output_text).toBe('Echo: find kiwis');
    expect(JSON.stringify(lastUpstream(model).body)).toContain('three kiwis');
    // Not stored: by the upstream (`store: false`) nor, for a native route, by the gateway.
    await expect(client.responses.retrieve(first.id)).rejects.toMatchObject({ status: 404 });
  });

  it('asks for JSON by text.format json_schema', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
      additionalProperties: false,
    };
    const response = await client.responses.create({
      model,
      input: 'a city',
      text: { format: { type: 'json_schema', name: 'city', schema, strict: true } },
    });
    expect(response.status).toBe('completed');
    const body = lastUpstream(model).body;
    if (native)
      expect(body.text).toEqual({
        format: { type: 'json_schema', name: 'city', schema, strict: true },
      });
    // Translated: Anthropic's output_config, Gemini's responseSchema.
    else expect(JSON.stringify(body)).toContain('"city"');
  });

  it('carries reasoning settings, and names reasoning state it cannot carry', async () => {
    const { data, response } = await client.responses
      .create({
        model,
        input: [
          { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'gAAAA-opaque' },
          { role: 'user', content: 'think about it' },
        ],
        reasoning: { effort: 'low', summary: 'auto' },
        include: ['reasoning.encrypted_content'],
      })
      .withResponse();
    expect(data.output_text).toBe('Echo: think about it');
    const warnings = response.headers.get('x-switchyard-warnings') ?? '';
    const body = lastUpstream(model).body;
    if (native) {
      expect(body.reasoning).toEqual({ effort: 'low', summary: 'auto' });
      expect(data.output[0]).toMatchObject({
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: 'Considered: think about it' }],
        encrypted_content: expect.any(String),
      });
      expect(data.usage?.output_tokens_details.reasoning_tokens).toBe(4);
      expect(warnings).toBe('');
    } else {
      expect(warnings).toContain('reasoning items with encrypted_content');
      // The effort reaches the provider's adapter: as its thinking setting, or named in the
      // warnings by an adapter that has none.
      const thinking = JSON.stringify(body).match(/thinking/i) !== null;
      expect(thinking || warnings.includes('reasoning_effort')).toBe(true);
    }
  });
});

describe('a model whose routes speak different protocols', () => {
  it('falls back from a failing native route to a translated one before the first byte', async () => {
    for (const stream of [false, true]) {
      const { data, response } = await client.responses
        .create({
          model: 'mixed/flaky',
          input: 'fall back',
          tools: [{ type: 'web_search' }],
          stream,
        })
        .withResponse();
      let text = '';
      if (stream) {
        for await (const event of data as AsyncIterable<{ type: string; delta?: string }>) {
          if (event.type === 'response.output_text.delta') text += event.delta ?? '';
        }
      } else text = (data as { output_text: string }).output_text;
      expect(text).toBe('Echo: fall back');
      expect(response.headers.get('x-switchyard-provider')).toBe('anthropic');
      expect(response.headers.get('x-switchyard-warnings')).toContain(
        'the built-in tool web_search is only served by OpenAI routes and was dropped',
      );
      // The native route was sent the caller's body, built-in tool included.
      expect(fakes.openai.requests.at(-1)?.body).toMatchObject({
        model: 'error-500',
        tools: [{ type: 'web_search' }],
      });
    }
  });
});

describe('stored Responses', () => {
  it('are read and deleted by their own key only', async () => {
    const team = await admin<{ id: string }>('POST', '/teams', { name: 'responses-b' });
    const other = await admin<{ secret: string }>('POST', '/keys', { name: 'b', team_id: team.id });
    const stranger = new OpenAI({
      baseURL: `${gateways[0]?.origin}/v1`,
      apiKey: other.secret,
      maxRetries: 0,
    });
    const mine = await client.responses.create({ model: 'anthropic/claude-test', input: 'secret' });
    expect((await (clients[1] as OpenAI).responses.retrieve(mine.id)).output_text).toBe(
      'Echo: secret',
    );
    await expect(stranger.responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      stranger.responses.create({
        model: 'anthropic/claude-test',
        previous_response_id: mine.id,
        input: 'and?',
      }),
    ).rejects.toMatchObject({ status: 400, code: 'previous_response_not_found' });
    await expect(stranger.responses.delete(mine.id)).rejects.toMatchObject({ status: 404 });
    await client.responses.delete(mine.id);
    await expect(client.responses.retrieve(mine.id)).rejects.toMatchObject({ status: 404 });
  });
});

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${accounting.origin}/admin/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${MASTER_KEY}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}
