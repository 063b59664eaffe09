import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatStreamOptions } from '../provider-adapter.js';
import { encodeChatStream } from '../shared/encode-chat-stream.js';
import { createAnthropicStreamTransformer } from './create-anthropic-stream-transformer.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const CONTEXT = { createdAtSeconds: 1_750_000_000, upstreamModel: 'claude-fallback' };

interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: Array<{
    index: number;
    finish_reason: string | null;
    delta: {
      role?: string;
      content?: string;
      tool_calls?: Array<{
        index: number;
        id?: string;
        type?: string;
        function: { name?: string; arguments: string };
      }>;
    };
  }>;
  usage?: Record<string, unknown> | null;
}

/** Feeds the text in pieces of `size` bytes and splits the output into its data payloads. */
function run(text: string, options: Partial<ChatStreamOptions> = {}, size = 5) {
  const transformer = encodeChatStream(
    createAnthropicStreamTransformer({
      ...CONTEXT,
      includeUsage: true,
      ...options,
    }),
  );
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let offset = 0; offset < bytes.length; offset += size) {
    out += transformer.push(bytes.subarray(offset, offset + size));
  }
  out += transformer.end();
  const payloads = out
    .split('\n\n')
    .filter((event) => event !== '')
    .map((event) => {
      expect(event.startsWith('data: ')).toBe(true);
      return event.slice(6);
    });
  return { out, payloads, transformer };
}

const chunksOf = (payloads: string[]) =>
  payloads.filter((payload) => payload !== '[DONE]').map((payload) => JSON.parse(payload) as Chunk);

describe('createAnthropicStreamTransformer', () => {
  it('writes OpenAI chunks: role, content, finish, usage, [DONE], each with id and model', () => {
    const { payloads, transformer } = run(fixture('stream-text.sse'));
    const chunks = chunksOf(payloads);
    expect(payloads.at(-1)).toBe('[DONE]');
    for (const chunk of chunks) {
      expect(chunk).toMatchObject({
        id: 'msg_01HCDu5LRGeP2o7s2xGmxyx8',
        object: 'chat.completion.chunk',
        created: 1_750_000_000,
        model: 'claude-sonnet-4-5-20250929',
      });
    }
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '' },
      { content: 'Hello' },
      { content: '! How can I help' },
      { content: ' you today? 😊' },
      {},
      undefined,
    ]);
    expect(chunks.at(-2)?.choices[0]?.finish_reason).toBe('stop');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      usage: {
        prompt_tokens: 19,
        completion_tokens: 12,
        total_tokens: 31,
        prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      },
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(transformer.completed).toBe(true);
  });

  it('counts cache reads and writes in prompt_tokens and ignores thinking', () => {
    const { payloads, transformer } = run(fixture('stream-thinking-cached.sse'), {}, 11);
    const chunks = chunksOf(payloads);
    const content = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(content).toBe('27 × 453 = 12,231');
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 37 + 512 + 3072,
      completion_tokens: 84,
      total_tokens: 37 + 512 + 3072 + 84,
      prompt_tokens_details: { cached_tokens: 3072, cache_write_tokens: 512 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
    expect(transformer.usage).toEqual({
      promptTokens: 3621,
      completionTokens: 84,
      cachedTokens: 3072,
      reasoningTokens: 0,
      cacheWriteTokens: 512,
      cacheWrite1hTokens: 0,
    });
  });

  it('merges the annotated fields (cost) into the usage chunk', () => {
    const annotateUsage = () => ({ cost: 0.000183 });
    const { payloads } = run(fixture('stream-text.sse'), { annotateUsage });
    expect(chunksOf(payloads).at(-1)?.usage).toMatchObject({ prompt_tokens: 19, cost: 0.000183 });
  });

  it('sends no usage at all when the client did not ask, but still records it', () => {
    const { out, transformer } = run(fixture('stream-text.sse'), { includeUsage: false });
    expect(out).not.toContain('usage');
    expect(out.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(transformer.usage?.completionTokens).toBe(12);
  });

  it('numbers parallel tool calls 0..n, skipping the text block before them', () => {
    const { payloads } = run(fixture('stream-parallel-tools.sse'), {}, 17);
    const calls = chunksOf(payloads).flatMap((chunk) => chunk.choices[0]?.delta.tool_calls ?? []);
    expect(calls).toEqual([
      {
        index: 0,
        id: 'toolu_01Bq3NwVZ8kYc5LmDx2TeRfH',
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      },
      { index: 0, function: { arguments: '{"location": "Paris"}' } },
      {
        index: 1,
        id: 'toolu_01Mv7HcKq2PzXe9RsTw4UbYj',
        type: 'function',
        function: { name: 'get_time', arguments: '' },
      },
      { index: 1, function: { arguments: '{"timezone": "Asia/Tokyo"}' } },
    ]);
    expect(chunksOf(payloads).at(-2)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('ends an overloaded stream with a retryable failure and nothing more (the gateway writes the error event)', () => {
    const { payloads, transformer } = run(fixture('stream-overloaded-error.sse'));
    expect(payloads).not.toContain('[DONE]');
    expect(payloads.some((payload) => payload.includes('"error"'))).toBe(false);
    expect(transformer.failure).toMatchObject({
      kind: 'overloaded',
      status: 529,
      code: 'overloaded_error',
      retryable: true,
    });
    expect(transformer.completed).toBe(false);
    expect(transformer.usage?.promptTokens).toBe(25);
  });

  it('types other stream errors by their Anthropic error type', () => {
    const sse = `event: error\ndata: {"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}\n\n`;
    const { payloads, transformer } = run(sse);
    expect(payloads).toEqual([]);
    expect(transformer.failure).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      message: 'slow down',
    });
  });

  it('fails with malformed_response on an event that is not JSON, and ignores what follows', () => {
    const text = fixture('stream-text.sse');
    const broken = text.replace('"text":"Hello"}}', '"text":"Hel');
    const { payloads, transformer } = run(broken);
    expect(transformer.failure).toMatchObject({ kind: 'malformed_response', status: 200 });
    expect(payloads.filter((payload) => payload.includes('"error"'))).toHaveLength(0);
    expect(transformer.completed).toBe(false);
  });

  it('fails with malformed_response on a tool_use block without an id', () => {
    const text = fixture('stream-tool-use.sse').replace(
      '"id":"toolu_01T1x1fJ34qAmk2tNTrN7Up6",',
      '',
    );
    const { transformer } = run(text);
    expect(transformer.failure).toMatchObject({ kind: 'malformed_response' });
  });

  it('skips event types it does not know, as Anthropic may add them', () => {
    const text = fixture('stream-text.sse').replace(
      'event: ping\n',
      'event: future_event\ndata: {"type":"future_event","what":1}\n\nevent: ping\n',
    );
    const { payloads, transformer } = run(text);
    expect(transformer.failure).toBeUndefined();
    expect(payloads.at(-1)).toBe('[DONE]');
  });

  it('handles CRLF framing split anywhere', () => {
    const crlf = fixture('stream-text.sse').replace(/\n/g, '\r\n');
    for (const size of [1, 2, 3]) {
      const { payloads, transformer } = run(crlf, {}, size);
      const content = chunksOf(payloads)
        .map((chunk) => chunk.choices[0]?.delta.content ?? '')
        .join('');
      expect(content).toBe('Hello! How can I help you today? 😊');
      expect(transformer.completed).toBe(true);
    }
  });

  it('reports a stream cut before message_stop as not completed, keeping the usage seen', () => {
    const text = fixture('stream-text.sse');
    const { payloads, transformer } = run(text.slice(0, text.indexOf('event: message_delta')));
    expect(payloads).not.toContain('[DONE]');
    expect(transformer.completed).toBe(false);
    expect(transformer.failure).toBeUndefined();
    expect(transformer.usage).toEqual({
      promptTokens: 19,
      completionTokens: 1,
      cachedTokens: 0,
      reasoningTokens: 0,
    });
  });

  it('emits nothing until an event is complete', () => {
    const transformer = encodeChatStream(
      createAnthropicStreamTransformer({ ...CONTEXT, includeUsage: false }),
    );
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(transformer.push(encode('event: message_start\ndata: {"type":"message_start",'))).toBe(
      '',
    );
    const out = transformer.push(
      encode('"message":{"id":"msg_1","usage":{"input_tokens":3}}}\n\n'),
    );
    expect(JSON.parse(out.slice(6))).toMatchObject({
      id: 'msg_1',
      model: 'claude-fallback',
      choices: [{ delta: { role: 'assistant', content: '' } }],
    });
  });
});
