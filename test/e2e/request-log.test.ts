import Anthropic from '@anthropic-ai/sdk';
import { FAKE_REPORTED_COST, type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from './support/fake-config.js';
import {
  type LogEntry,
  type RequestLogAdmin,
  requestLogAdmin,
} from './support/request-log-admin.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// Where a ledger row's numbers came from (provider, tokenizer estimate, partial, provider cost)
// and the request log with bodies for a key that has logging on: through the real standalone
// process, the official SDKs, the in-process bus and the embedded Postgres.

const PROMPT_SECRET = 'sk-live-0123456789abcdefghij';

const yaml = `
providers:
  - name: fake
    type: openai-compatible
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
  - name: router
    type: openrouter
    base_url: \${FAKE_URL}
    keys: [${FAKE_UPSTREAM_KEY}]
models:
  - { id: fake/gpt, upstream_model: gpt-test, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: fake/no-usage, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: fake/slow-stream-150, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: fake/error-500, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: fake/break-stream, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
  - { id: router/reports-cost, context_length: 8192, pricing: { prompt: "0.000001", completion: "0.000002" } }
`;

let fake: FakeOpenAI;
let standalone: Standalone;
let admin: RequestLogAdmin['admin'];
let findLogged: RequestLogAdmin['findLogged'];
let logged: { id: string; secret: string };
let quiet: { id: string; secret: string };

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
  standalone = await startStandalone({ yaml, env: { FAKE_URL: fake.url } });
  ({ admin, findLogged } = requestLogAdmin(standalone));
  const team = await admin<{ id: string }>('POST', '/teams', { name: 'audited' });
  logged = (
    await admin<{ id: string; secret: string }>('POST', '/keys', {
      name: 'logged',
      team_id: team.body.id,
      log_bodies: true,
    })
  ).body;
  quiet = (
    await admin<{ id: string; secret: string }>('POST', '/keys', {
      name: 'quiet',
      team_id: team.body.id,
    })
  ).body;
}, 90_000);

afterAll(async () => {
  await standalone?.stop();
  await fake?.close();
});

const openai = (secret: string) =>
  new OpenAI({ baseURL: standalone.baseUrl, apiKey: secret, maxRetries: 0 });

/** Exact decimal USD of tokens at $1/M prompt and $2/M completion. */
const costAt = (prompt: number, completion: number) =>
  ((BigInt(prompt) * 1n + BigInt(completion) * 2n) * 10n ** 12n).toString();
const toAtto = (usd: string | null) => {
  const [whole = '0', fraction = ''] = (usd ?? '0').split('.');
  return (BigInt(whole) * 10n ** 18n + BigInt(fraction.padEnd(18, '0'))).toString();
};

describe('usage provenance and the request log', () => {
  it('logs a logged key’s bodies, credentials redacted, and says the tokens came from the provider', async () => {
    const { data: completion, response } = await openai(logged.secret)
      .chat.completions.create({
        model: 'fake/gpt',
        messages: [{ role: 'user', content: `remember ${PROMPT_SECRET} please` }],
      })
      .withResponse();
    const entry = await findLogged(response.headers.get('x-request-id'));
    expect(entry).toMatchObject({
      key_id: logged.id,
      usage_source: 'provider',
      cost_source: 'catalog',
      prompt_tokens: completion.usage?.prompt_tokens,
      has_bodies: true,
    });
    const bodies = entry.bodies;
    expect(bodies?.request).not.toContain(PROMPT_SECRET);
    expect(JSON.parse(bodies?.request ?? '')).toMatchObject({
      model: 'fake/gpt',
      messages: [{ role: 'user', content: 'remember [redacted] please' }],
    });
    expect(JSON.parse(bodies?.response ?? '')).toMatchObject({
      object: 'chat.completion',
      // The client got the echo as the upstream wrote it; the log keeps it redacted.
      choices: [
        {
          message: {
            content: completion.choices[0]?.message.content?.replace(PROMPT_SECRET, '[redacted]'),
          },
        },
      ],
    });
    expect(completion.choices[0]?.message.content).toContain(PROMPT_SECRET);
    expect(bodies?.response).not.toContain(PROMPT_SECRET);
    expect(JSON.stringify(entry)).not.toContain(FAKE_UPSTREAM_KEY);
  });

  it('shows when a key was last used, from its requests in the ledger', async () => {
    const key = await admin<{ last_used_at: string | null }>('GET', `/keys/${logged.id}`);
    expect(key.body.last_used_at).not.toBeNull();
    expect(Date.now() - Date.parse(key.body.last_used_at ?? '')).toBeLessThan(60_000);
  });

  it('keeps no bodies for a key without logging', async () => {
    const { response } = await openai(quiet.secret)
      .chat.completions.create({ model: 'fake/gpt', messages: [{ role: 'user', content: 'hi' }] })
      .withResponse();
    const entry = await findLogged(response.headers.get('x-request-id'));
    expect(entry).toMatchObject({ key_id: quiet.id, has_bodies: false, bodies: null });
  });

  it('estimates the tokens of a provider that reports no usage, streamed and not, and prices them', async () => {
    const client = openai(logged.secret);
    const { data: json, response: jsonResponse } = await client.chat.completions
      .create({
        model: 'fake/no-usage',
        messages: [{ role: 'user', content: 'count these words' }],
      })
      .withResponse();
    expect(json.usage).toBeUndefined();
    const { data: stream, response: streamResponse } = await client.chat.completions
      .create({
        model: 'fake/no-usage',
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: 'user', content: 'count these words' }],
      })
      .withResponse();
    let streamed = '';
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? '';
    expect(streamed).toBe(json.choices[0]?.message.content);

    for (const response of [jsonResponse, streamResponse]) {
      const entry = await findLogged(response.headers.get('x-request-id'));
      expect(entry.usage_source).toBe('estimated');
      expect(entry.prompt_tokens).toBeGreaterThanOrEqual(3);
      expect(entry.completion_tokens).toBeGreaterThanOrEqual(3);
      expect(entry.cost_source).toBe('catalog');
      expect(toAtto(entry.cost_usd)).toBe(costAt(entry.prompt_tokens, entry.completion_tokens));
      // The stream is logged assembled into the completion it added up to.
      expect(JSON.parse(entry.bodies?.response ?? '')).toMatchObject({
        object: 'chat.completion',
        choices: [{ message: { role: 'assistant', content: streamed } }],
      });
    }
    // Both counted the same text the same way.
    const [first, second] = await Promise.all(
      [jsonResponse, streamResponse].map((response) =>
        findLogged(response.headers.get('x-request-id')),
      ),
    );
    expect(second?.completion_tokens).toBe(first?.completion_tokens);
  });

  it('estimates a /v1/messages stream whose upstream reports no usage', async () => {
    const anthropic = new Anthropic({
      baseURL: standalone.origin,
      apiKey: logged.secret,
      maxRetries: 0,
    });
    const stream = anthropic.messages.stream({
      model: 'fake/no-usage',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'hello from anthropic' }],
    });
    const message = await stream.finalMessage();
    const requestId = (await stream.withResponse()).response.headers.get('x-request-id');
    expect(message.content[0]).toMatchObject({ type: 'text' });
    const entry = await findLogged(requestId);
    expect(entry).toMatchObject({ usage_source: 'estimated', status: 200 });
    expect(entry.completion_tokens).toBeGreaterThan(0);
    expect(JSON.parse(entry.bodies?.request ?? '')).toMatchObject({ max_tokens: 100 });
    // Logged as the client got it: an Anthropic message, assembled from the stream.
    expect(JSON.parse(entry.bodies?.response ?? '')).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: (message.content[0] as { text: string }).text }],
    });
  });

  it('records what a client that left mid-stream had received as partial usage', async () => {
    const controller = new AbortController();
    const response = await fetch(`${standalone.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${logged.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'fake/slow-stream-150',
        stream: true,
        messages: [{ role: 'user', content: 'one two three four five six seven eight' }],
      }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    let received = '';
    while (!received.includes('"content":"Echo: "')) {
      const read = await reader?.read();
      if (read === undefined || read.done) break;
      received += new TextDecoder().decode(read.value);
    }
    controller.abort();
    const entry = await findLogged(response.headers.get('x-request-id'));
    expect(entry).toMatchObject({
      status: 499,
      error_code: 'client_closed',
      usage_source: 'partial',
    });
    expect(entry.prompt_tokens).toBeGreaterThan(0);
    expect(entry.completion_tokens).toBeGreaterThan(0);
    expect(entry.completion_tokens).toBeLessThan(10);
  });

  it('records a stream the upstream broke off as partial, with the error the client got', async () => {
    const { data: stream, response } = await openai(logged.secret)
      .chat.completions.create({
        model: 'fake/break-stream',
        stream: true,
        messages: [{ role: 'user', content: 'break off please' }],
      })
      .withResponse();
    await expect(
      (async () => {
        for await (const _chunk of stream) {
          // drained until the error event
        }
      })(),
    ).rejects.toBeInstanceOf(OpenAI.APIError);
    const entry = await findLogged(response.headers.get('x-request-id'));
    expect(entry).toMatchObject({ status: 502, usage_source: 'partial' });
    expect(entry.error_message).not.toBeNull();
    expect(entry.completion_tokens).toBeGreaterThan(0);
    expect(toAtto(entry.cost_usd)).toBe(costAt(entry.prompt_tokens, entry.completion_tokens));
  });

  it('prefers the cost the upstream reports (OpenRouter) and says so', async () => {
    const { data: completion, response } = await openai(logged.secret)
      .chat.completions.create({
        model: 'router/reports-cost',
        messages: [{ role: 'user', content: 'what does it cost' }],
      })
      .withResponse();
    expect((completion.usage as { cost?: number } | undefined)?.cost).toBe(FAKE_REPORTED_COST);
    const entry = await findLogged(response.headers.get('x-request-id'));
    expect(entry).toMatchObject({ cost_source: 'provider', usage_source: 'provider' });
    expect(toAtto(entry.cost_usd)).toBe(toAtto(String(FAKE_REPORTED_COST)));
  });

  it('finds failed requests by error text, model and status, with their redacted message', async () => {
    await expect(
      openai(logged.secret).chat.completions.create({
        model: 'fake/error-500',
        messages: [{ role: 'user', content: 'fail please' }],
      }),
    ).rejects.toBeInstanceOf(OpenAI.APIError);
    let found: LogEntry[] = [];
    await expect
      .poll(
        async () => {
          found = (
            await admin<{ data: LogEntry[] }>(
              'GET',
              `/requests?model=${encodeURIComponent('fake/error-500')}&status=5xx&error=upstream`,
            )
          ).body.data;
          return found.length;
        },
        { timeout: 10_000 },
      )
      .toBe(1);
    expect(found[0]).toMatchObject({ status: 502, usage_source: 'none', has_bodies: true });
    expect(found[0]?.error_message).toMatch(/upstream/i);
    const none = await admin<{ data: LogEntry[] }>(
      'GET',
      '/requests?error=no-such-error-text-anywhere',
    );
    expect(none.body.data).toEqual([]);
    // The member who made the requests sees them, and only theirs.
    const mine = await fetch(`${standalone.origin}/admin/v1/requests?limit=100`, {
      headers: { authorization: `Bearer ${logged.secret}` },
    });
    expect(mine.status).toBe(200);
    const own = ((await mine.json()) as { data: LogEntry[] }).data;
    expect(own.length).toBeGreaterThan(3);
    expect(own.every((entry) => entry.key_id === logged.id)).toBe(true);
  });
});
