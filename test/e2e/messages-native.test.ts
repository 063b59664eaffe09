import Anthropic from '@anthropic-ai/sdk';
import {
  type FakeAnthropic,
  type FakeGoogle,
  type FakeOpenAI,
  startFakeAnthropic,
  startFakeGoogle,
  startFakeOpenAI,
} from '@switchyard/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// /v1/messages routed to Anthropic is a pass-through: the official SDK's body reaches the
// upstream byte for byte apart from the model name, the upstream's answer (thinking with its
// signature, text, tool_use) reaches the SDK byte for byte, and cache reads and writes are priced.

const MASTER_KEY = 'sk-sy-e2e-messages-native';
const UPSTREAM_KEY = 'sk-ant-upstream-native-0123456789';
const GOOGLE_KEY = 'AIzaSyFakeNativeUpstreamKey0123456789';
const BETAS = 'interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14';
const PRICES = {
  prompt: '0.000003',
  completion: '0.000015',
  cached_prompt: '0.0000003',
  cache_write: '0.00000375',
  cache_write_1h: '0.000006',
};
let fake: FakeAnthropic;
let backup: FakeOpenAI;
let google: FakeGoogle;
let gateway: Standalone;
let anthropic: Anthropic;
/** What the SDK last sent, and the body text it last received. */
let sent = '';
let received: Promise<string> = Promise.resolve('');

const recordingFetch: typeof fetch = async (input, init) => {
  sent = typeof init?.body === 'string' ? init.body : '';
  const response = await fetch(input, init);
  if (response.body === null) return response;
  const [forSdk, forTest] = response.body.tee();
  received = new Response(forTest).text();
  return new Response(forSdk, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

beforeAll(async () => {
  [fake, backup, google] = await Promise.all([
    startFakeAnthropic({ apiKeys: [UPSTREAM_KEY] }),
    startFakeOpenAI(),
    startFakeGoogle({ apiKeys: [GOOGLE_KEY] }),
  ]);
  const pricing = `pricing: ${JSON.stringify(PRICES)}`;
  const yaml = `
upstream: { first_byte_timeout_ms: 2000, idle_timeout_ms: 2000 }
providers:
  - { name: backup, type: openai-compatible, base_url: "${backup.url}" }
models:
  - { id: anthropic/claude-test, upstream_model: claude-test, context_length: 200000, max_output_tokens: 8192, ${pricing} }
  - { id: backup/gpt-test, upstream_model: gpt-test, context_length: 100000, max_output_tokens: 4096 }
  - { id: google/gemini-test, upstream_model: gemini-test, context_length: 1048576, max_output_tokens: 65536, pricing: { prompt: "0.0000003", completion: "0.0000025" } }
  - id: anthropic/flaky
    context_length: 200000
    max_output_tokens: 8192
    routes:
      - { provider: anthropic, upstream_model: error-529 }
      - { provider: anthropic, upstream_model: claude-test, priority: 1 }
`;
  gateway = await startStandalone({
    yaml,
    env: {
      SWITCHYARD_MASTER_KEY: MASTER_KEY,
      ANTHROPIC_API_KEY: UPSTREAM_KEY,
      ANTHROPIC_BASE_URL: fake.url,
      GOOGLE_API_KEY: GOOGLE_KEY,
      GOOGLE_BASE_URL: google.url,
    },
  });
  anthropic = new Anthropic({
    baseURL: gateway.origin,
    apiKey: MASTER_KEY,
    maxRetries: 0,
    fetch: recordingFetch,
    defaultHeaders: { 'anthropic-beta': BETAS },
  });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await Promise.all([fake?.close(), backup?.close(), google?.close()]);
});
beforeEach(() => fake.reset());

const lastUpstream = () => {
  const request = fake.requests.at(-1);
  if (request === undefined) throw new Error('the fake received no request');
  return request;
};

/** The SDK's body with the gateway's model id replaced by the upstream's, as the fake must get it. */
const asForwarded = (body: string, from: string, to: string) =>
  body.replace(`"model":${JSON.stringify(from)}`, `"model":${JSON.stringify(to)}`);

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a place',
  input_schema: { type: 'object' as const, properties: { input: { type: 'string' } } },
  cache_control: { type: 'ephemeral' as const },
};

/** An agent-like request: thinking on, cache marks on system, tools and the last user turn. */
function agentRequest(userText: string, tools: boolean) {
  return {
    model: 'anthropic/claude-test',
    max_tokens: 4096,
    thinking: { type: 'enabled' as const, budget_tokens: 2048 },
    system: [
      { type: 'text' as const, text: 'You are a careful coding agent.' },
      {
        type: 'text' as const,
        text: 'Project rules: small files, tests first.',
        cache_control: { type: 'ephemeral' as const, ttl: '1h' as const },
      },
    ],
    ...(tools && { tools: [weatherTool] }),
    messages: [
      {
        role: 'user' as const,
        content: [
          {
            type: 'text' as const,
            text: userText,
            cache_control: { type: 'ephemeral' as const },
          },
        ],
      },
    ],
  };
}

interface LedgerEvent {
  cost_usd: string | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  usage_source: string;
  extra?: Record<string, unknown>;
  cache_write_tokens?: number;
  cache_write_1h_tokens?: number;
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

describe('POST /v1/messages to an Anthropic route: a pass-through', () => {
  it('forwards the SDK body and anthropic-beta unchanged and returns the message as sent', async () => {
    const { data: message, response } = await anthropic.messages
      .create(agentRequest('first question', false))
      .withResponse();
    const upstream = lastUpstream();
    expect(upstream.rawBody).toBe(asForwarded(sent, 'anthropic/claude-test', 'claude-test'));
    expect(upstream.headers['anthropic-beta']).toBe(BETAS);
    expect(upstream.headers['x-api-key']).toBe(UPSTREAM_KEY);
    expect(upstream.headers.authorization).toBeUndefined();
    expect(await received).toBe(upstream.responseBody);
    expect(response.headers.get('x-switchyard-provider')).toBe('anthropic');
    expect(response.headers.get('x-switchyard-warnings')).toBeNull();
    expect(message.id).toMatch(/^msg_01/);
    const [thinking, text] = message.content;
    expect(thinking).toMatchObject({
      type: 'thinking',
      thinking: 'Thinking about: first question',
    });
    expect(thinking?.type === 'thinking' && thinking.signature).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(text).toEqual({ type: 'text', text: 'Echo: first question' });
  });

  it('streams thinking with its signature, text and usage byte for byte', async () => {
    const stream = anthropic.messages.stream(agentRequest('stream this answer', false));
    const deltas: string[] = [];
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta') deltas.push(event.delta.type);
    });
    const final = await stream.finalMessage();
    const upstream = lastUpstream();
    expect(upstream.rawBody).toBe(asForwarded(sent, 'anthropic/claude-test', 'claude-test'));
    expect(await received).toBe(upstream.responseBody);
    expect(deltas).toContain('thinking_delta');
    expect(deltas).toContain('signature_delta');
    expect(final.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(final.content[0]).toMatchObject({ signature: expect.stringMatching(/=$/) });
    expect(final.content[1]).toMatchObject({ type: 'text', text: 'Echo: stream this answer' });
  });

  it('streams tool_use, and takes the thinking block and tool result back on the next turn', async () => {
    const first = agentRequest('weather in Paris', true);
    const turn = await anthropic.messages.stream(first).finalMessage();
    expect(turn.content.map((block) => block.type)).toEqual(['thinking', 'tool_use']);
    expect(await received).toBe(lastUpstream().responseBody);
    const toolUse = turn.content[1];
    if (toolUse?.type !== 'tool_use') throw new Error('no tool_use');
    expect(toolUse).toMatchObject({ name: 'get_weather', input: { input: 'weather in Paris' } });
    const second = await anthropic.messages.create({
      ...first,
      messages: [
        ...first.messages,
        { role: 'assistant', content: turn.content },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: toolUse.id, content: 'sunny' }],
        },
      ],
    });
    // The fake refuses a thinking block without its signature: it came back whole.
    expect(second.type).toBe('message');
    expect(lastUpstream().rawBody).toBe(asForwarded(sent, 'anthropic/claude-test', 'claude-test'));
  });

  it('prices cache writes and reads in the ledger, the writes kept in the row', async () => {
    const question = `cache me ${Date.now().toString(36)}`;
    const write = await anthropic.messages.create(agentRequest(question, false)).withResponse();
    const written = write.data.usage;
    expect(written.cache_creation_input_tokens).toBeGreaterThan(0);
    const read = await anthropic.messages.create(agentRequest(question, false)).withResponse();
    expect(read.data.usage.cache_read_input_tokens).toBe(written.cache_creation_input_tokens);

    const writeRow = await ledgerRow(write.response.headers.get('x-switchyard-request-id') ?? '');
    const usage = written;
    const fiveMinute = usage.cache_creation?.ephemeral_5m_input_tokens ?? 0;
    const oneHour = usage.cache_creation?.ephemeral_1h_input_tokens ?? 0;
    expect(fiveMinute + oneHour).toBe(usage.cache_creation_input_tokens);
    const expected =
      usage.input_tokens * 3e-6 +
      fiveMinute * 3.75e-6 +
      oneHour * 6e-6 +
      usage.output_tokens * 15e-6;
    expect(Number(writeRow.cost_usd)).toBeCloseTo(expected, 12);
    expect(Number(writeRow.prompt_tokens)).toBe(
      usage.input_tokens + (usage.cache_creation_input_tokens ?? 0),
    );
    const extra = { ...writeRow, ...writeRow.extra };
    expect(extra.cache_write_tokens).toBe(usage.cache_creation_input_tokens);
    expect(extra.cache_write_1h_tokens).toBe(oneHour);

    const readRow = await ledgerRow(read.response.headers.get('x-switchyard-request-id') ?? '');
    const again = read.data.usage;
    expect(Number(readRow.cached_tokens)).toBe(again.cache_read_input_tokens);
    expect(Number(readRow.cost_usd)).toBeCloseTo(
      again.input_tokens * 3e-6 +
        (again.cache_read_input_tokens ?? 0) * 0.3e-6 +
        (again.cache_creation_input_tokens ?? 0) * 3.75e-6 +
        again.output_tokens * 15e-6,
      12,
    );
  });

  it('falls back to the next route before the first byte, still passing through', async () => {
    const { data: message, response } = await anthropic.messages
      .create({ ...agentRequest('fall back', false), model: 'anthropic/flaky' })
      .withResponse();
    expect(response.headers.get('x-switchyard-attempts')).toBe('2');
    expect(fake.requests.map((request) => (request.body as { model: string }).model)).toEqual([
      'error-529',
      'claude-test',
    ]);
    expect(lastUpstream().rawBody).toBe(asForwarded(sent, 'anthropic/flaky', 'claude-test'));
    expect(message.content.at(-1)).toEqual({ type: 'text', text: 'Echo: fall back' });
  });

  it('relays an upstream 400 in Anthropic’s shape', async () => {
    const bad = agentRequest('too small a budget', false);
    await expect(
      anthropic.messages.create({ ...bad, thinking: { type: 'enabled', budget_tokens: 10 } }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
  });
});

describe('POST /v1/messages to a Gemini route: translated, thinking included', () => {
  it('asks Gemini for thoughts and returns them as thinking blocks, streamed and not', async () => {
    const request = { ...agentRequest('think in gemini', false), model: 'google/gemini-test' };
    const { data: message, response } = await anthropic.messages.create(request).withResponse();
    const sentToGoogle = google.requests.at(-1)?.body as {
      generationConfig: { thinkingConfig: unknown };
    };
    // budget 2048 → effort low → a fifth of max_tokens 4096, at least 1024.
    expect(sentToGoogle.generationConfig.thinkingConfig).toEqual({
      thinkingBudget: 1024,
      includeThoughts: true,
    });
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Thinking about: think in gemini', signature: '' },
      { type: 'text', text: 'Echo: think in gemini' },
    ]);
    // What Gemini cannot carry is named, never dropped silently.
    expect(response.headers.get('x-switchyard-warnings')).toContain('cache_control');
    const streamed = await anthropic.messages.stream(request).finalMessage();
    expect(streamed.content.map((block) => block.type)).toEqual(['thinking', 'text']);
    expect(streamed.content[0]).toMatchObject({ thinking: 'Thinking about: think in gemini' });
  });
});

describe('POST /v1/messages/count_tokens', () => {
  it('asks Anthropic on an Anthropic route', async () => {
    const { data, response } = await anthropic.messages
      .countTokens({
        model: 'anthropic/claude-test',
        system: 'be brief',
        messages: [{ role: 'user', content: 'count these four words' }],
      })
      .withResponse();
    // The fake's count: 3 + (3 + 2) + (3 + 4).
    expect(data.input_tokens).toBe(15);
    expect(response.headers.get('x-switchyard-token-count')).toBe('provider');
    const upstream = lastUpstream();
    expect(upstream.path).toBe('/v1/messages/count_tokens');
    expect(upstream.rawBody).toBe(asForwarded(sent, 'anthropic/claude-test', 'claude-test'));
  });

  it('answers an o200k estimate, marked as one, on another route', async () => {
    const { data, response } = await anthropic.messages
      .countTokens({
        model: 'backup/gpt-test',
        messages: [{ role: 'user', content: 'count these four words' }],
      })
      .withResponse();
    expect(data.input_tokens).toBeGreaterThan(4);
    expect(data.input_tokens).toBeLessThan(30);
    expect(response.headers.get('x-switchyard-token-count')).toBe('estimate');
    expect(backup.requests).toHaveLength(0);
  });
});

describe('a recorded-style agent session through the pass-through', () => {
  it('keeps 24 turns (tools, thinking, moving cache marks) byte-identical both ways', async () => {
    type Param = Anthropic.MessageParam;
    const mark = { type: 'ephemeral' as const };
    const base = agentRequest('unused', true);
    const history: Param[] = [];
    let cacheReads = 0;
    for (let turn = 0; turn < 24; turn += 1) {
      // The newest user turn carries the cache mark, as Claude Code places it; older turns lose it.
      const stripped: Param[] = history.map((message) =>
        typeof message.content === 'string'
          ? message
          : ({
              ...message,
              content: message.content.map((block) => {
                if (!('cache_control' in block)) return block;
                const { cache_control: _, ...rest } = block;
                return rest as typeof block;
              }),
            } as Param),
      );
      const lastAssistant = history.at(-1);
      const toolUse =
        lastAssistant !== undefined && typeof lastAssistant.content !== 'string'
          ? lastAssistant.content.find((block) => block.type === 'tool_use')
          : undefined;
      // A tool call is answered with its result, anything else with the next instruction.
      const userContent: Anthropic.ContentBlockParam[] =
        toolUse?.type === 'tool_use'
          ? [
              {
                type: 'tool_result',
                tool_use_id: toolUse.id,
                content: `contents of ${turn}.ts`,
                cache_control: mark,
              },
            ]
          : [{ type: 'text', text: `step ${turn}: read file ${turn}.ts`, cache_control: mark }];
      const messages: Param[] = [...stripped, { role: 'user', content: userContent }];
      const stream = anthropic.messages.stream({
        ...base,
        // Every third turn without tools, so text answers and tool calls alternate.
        ...(turn % 3 === 2 ? { tools: undefined } : {}),
        messages,
      });
      const answer = await stream.finalMessage();
      const upstream = lastUpstream();
      expect(upstream.rawBody, `turn ${turn} upstream`).toBe(
        asForwarded(sent, 'anthropic/claude-test', 'claude-test'),
      );
      expect(await received, `turn ${turn} downstream`).toBe(upstream.responseBody);
      expect(answer.content[0]?.type).toBe('thinking');
      cacheReads += answer.usage.cache_read_input_tokens ?? 0;
      history.splice(0, history.length, ...messages, {
        role: 'assistant',
        content: answer.content,
      });
    }
    expect(history.length).toBeGreaterThanOrEqual(48);
    // Each turn read the prefix the turn before it wrote.
    expect(cacheReads).toBeGreaterThan(0);
  });
});
