import Anthropic from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import {
  agentRequest,
  anthropic,
  asForwarded,
  BETAS,
  backup,
  fake,
  google,
  lastUpstream,
  ledgerRow,
  received,
  sent,
  UPSTREAM_KEY,
  useMessagesNativeGateway,
} from './support/use-messages-native-gateway.js';

// /v1/messages routed to Anthropic is a pass-through: the official SDK's body reaches the
// upstream byte for byte apart from the model name, the upstream's answer (thinking with its
// signature, text, tool_use) reaches the SDK byte for byte, and cache reads and writes are priced.

useMessagesNativeGateway();

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
