import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChatStreamOptions } from '../provider-adapter.js';
import { encodeChatStream } from '../shared/encode-chat-stream.js';
import { createGoogleStreamTransformer } from './create-google-stream-transformer.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const CONTEXT = { createdAtSeconds: 1_750_000_000, upstreamModel: 'gemini-2.5-flash' };
const event = (body: unknown) => `data: ${JSON.stringify(body)}\r\n\r\n`;

function run(sse: string, options: Partial<ChatStreamOptions> = {}, size = 11) {
  const transformer = encodeChatStream(
    createGoogleStreamTransformer({ ...CONTEXT, includeUsage: true, ...options }),
  );
  const bytes = new TextEncoder().encode(sse);
  let out = '';
  for (let offset = 0; offset < bytes.length; offset += size) {
    out += transformer.push(bytes.subarray(offset, offset + size));
  }
  out += transformer.end();
  const events = out
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice(6));
  const chunks = events
    .filter((data) => data !== '[DONE]')
    .map((data) => JSON.parse(data) as Record<string, unknown>);
  return { out, events, chunks, transformer };
}

const textEvent = (text: string, extra: Record<string, unknown> = {}) =>
  event({
    candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0, ...extra }],
    modelVersion: 'gemini-2.5-flash',
    responseId: 'resp-1',
  });

describe('createGoogleStreamTransformer', () => {
  it('writes OpenAI chunks: role first, content deltas, finish, usage with annotations, [DONE]', () => {
    const { chunks, events, transformer } = run(fixture('stream-text.sse'), {
      annotateUsage: () => ({ cost: 0.0001 }),
    });
    const meta = {
      id: '3SByaL2gB-2J1dkP5LCbmQk',
      object: 'chat.completion.chunk',
      created: 1_750_000_000,
      model: 'gemini-2.5-flash',
    };
    const choice = (delta: unknown, finish: string | null = null) => ({
      ...meta,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
    expect(chunks).toEqual([
      choice({ role: 'assistant', content: 'Hello' }),
      choice({ content: '! How can I help' }),
      choice({ content: ' you today? 👋' }),
      choice({}, 'stop'),
      {
        ...meta,
        choices: [],
        usage: {
          prompt_tokens: 8,
          completion_tokens: 36,
          total_tokens: 44,
          prompt_tokens_details: { cached_tokens: 0 },
          completion_tokens_details: { reasoning_tokens: 27 },
          cost: 0.0001,
        },
      },
    ]);
    expect(events.at(-1)).toBe('[DONE]');
    expect(transformer.completed).toBe(true);
  });

  it('streams whole function calls as tool_call deltas with their index', () => {
    const sse = event({
      candidates: [
        {
          content: {
            parts: [
              { functionCall: { name: 'a', args: { x: 1 } }, thoughtSignature: 'sig' },
              { functionCall: { id: 'fc-9', name: 'b', args: {} } },
            ],
            role: 'model',
          },
          finishReason: 'STOP',
          index: 0,
        },
      ],
    });
    const { chunks } = run(sse, { includeUsage: false });
    expect(chunks.map((chunk) => (chunk.choices as unknown[])[0])).toEqual([
      {
        index: 0,
        delta: {
          role: 'assistant',
          tool_calls: [
            {
              index: 0,
              id: 'call_0_a',
              type: 'function',
              function: { name: 'a', arguments: '{"x":1}' },
              extra_content: { google: { thought_signature: 'sig' } },
            },
          ],
        },
        logprobs: null,
        finish_reason: null,
      },
      {
        index: 0,
        delta: {
          tool_calls: [
            { index: 1, id: 'fc-9', type: 'function', function: { name: 'b', arguments: '{}' } },
          ],
        },
        logprobs: null,
        finish_reason: null,
      },
      { index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' },
    ]);
  });

  it('streams thought summaries as delta.reasoning and keeps only the last (cumulative) usage', () => {
    const sse =
      event({
        candidates: [{ content: { parts: [{ text: 'Planning…', thought: true }] }, index: 0 }],
        usageMetadata: { promptTokenCount: 5, thoughtsTokenCount: 3 },
      }) +
      textEvent('Hi', {
        finishReason: 'STOP',
      }) +
      event({
        usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 1, thoughtsTokenCount: 3 },
      });
    const { chunks, transformer } = run(sse, { includeUsage: false });
    expect(chunks.map((chunk) => (chunk.choices as { delta: unknown }[])[0]?.delta)).toEqual([
      { role: 'assistant', reasoning: 'Planning…' },
      { content: 'Hi' },
      {},
    ]);
    expect(transformer.usage).toEqual({
      promptTokens: 5,
      completionTokens: 4,
      cachedTokens: 0,
      reasoningTokens: 3,
    });
  });

  it('reports a stream that ended without a finish reason as not completed, without [DONE]', () => {
    const { events, transformer } = run(textEvent('Hel'));
    expect(events).toHaveLength(1);
    expect(events).not.toContain('[DONE]');
    expect(transformer.completed).toBe(false);
    expect(transformer.failure).toBeUndefined();
  });

  it('ends with a failure when Gemini reports an error mid-stream', () => {
    const sse =
      textEvent('Par') +
      event({ error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } }) +
      textEvent('tial', { finishReason: 'STOP' });
    const { events, transformer } = run(sse);
    expect(events).toHaveLength(1);
    expect(transformer.failure).toMatchObject({
      kind: 'overloaded',
      status: 503,
      retryable: true,
    });
    expect(transformer.completed).toBe(false);
  });

  it('turns a body that is not JSON into a malformed_response failure', () => {
    const { events, transformer } = run('data: {"candidates": [oops\r\n\r\n');
    expect(events).toEqual([]);
    expect(transformer.failure).toMatchObject({ kind: 'malformed_response', retryable: false });
    expect(transformer.completed).toBe(false);
  });

  it('finishes a blocked prompt with content_filter', () => {
    const { chunks, transformer } = run(
      event({
        promptFeedback: { blockReason: 'PROHIBITED_CONTENT' },
        usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 },
      }),
    );
    expect(chunks[0]?.choices).toEqual([
      {
        index: 0,
        delta: { role: 'assistant', content: null },
        logprobs: null,
        finish_reason: 'content_filter',
      },
    ]);
    expect(chunks[0]?.id).toMatch(/^gemini-[0-9a-f]{24}$/);
    expect(chunks[1]?.usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 0 });
    expect(transformer.completed).toBe(true);
  });

  it('reads a last event that lacks its blank line, and LF framing', () => {
    const sse = `data: ${JSON.stringify({
      candidates: [{ content: { parts: [{ text: 'ok' }] }, finishReason: 'STOP' }],
    })}`;
    const { chunks, transformer } = run(sse, {}, 3);
    expect(chunks).toHaveLength(2);
    expect(transformer.completed).toBe(true);
  });
});
