import type { TokenUsage } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import type { ChatStreamOptions, ProviderAdapter } from '../provider-adapter.js';
import { ProviderError, type ProviderErrorKind } from '../provider-error.js';
import { encodeChatStream } from '../shared/encode-chat-stream.js';

/** Recorded native wire data of one provider, and what the canonical output must say about it. */
export interface ConformanceFixtures {
  text: { body: unknown; content: string; finishReason: string; usage: TokenUsage };
  /** The stream as sent: SSE text, or bytes for a binary framing (AWS event-stream). */
  textStream: { sse: string | Uint8Array; content: string; usage: TokenUsage };
  toolCall: { body: unknown; name: string; arguments: unknown };
  toolCallStream: { sse: string | Uint8Array; name: string; arguments: unknown };
  errors: Array<{
    status: number;
    body: string;
    headers?: Record<string, string>;
    kind: ProviderErrorKind;
    retryable: boolean;
  }>;
  /** A 200 body that is not the provider's response shape. */
  malformedBody: unknown;
}

const CONTEXT = { createdAtSeconds: 1_750_000_000, upstreamModel: 'conformance-model' };

/**
 * The suite every adapter passes: text, stream, tool calls (streamed and not), usage, errors and
 * malformed bodies, all judged on the canonical (OpenAI) output the gateway sends to clients.
 */
export function describeAdapterConformance(
  adapter: ProviderAdapter,
  fixtures: ConformanceFixtures,
): void {
  describe(`${adapter.type} adapter conformance`, () => {
    it('parses a text completion into an OpenAI chat.completion with usage', () => {
      const parsed = adapter.parseChatResponse(fixtures.text.body, CONTEXT);
      expect(parsed.body).toMatchObject({
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant' } }],
      });
      expect(choiceOf(parsed.body).message.content).toBe(fixtures.text.content);
      expect(choiceOf(parsed.body).finish_reason).toBe(fixtures.text.finishReason);
      expect(parsed.usage).toEqual(fixtures.text.usage);
      expect(parsed.body.usage).toMatchObject({
        prompt_tokens: fixtures.text.usage.promptTokens,
        completion_tokens: fixtures.text.usage.completionTokens,
      });
    });

    it('streams text as OpenAI chunks ending in usage and [DONE], whatever the chunking', () => {
      for (const size of [1, 7, 64, 100_000]) {
        const { events, transformer } = runStream(
          adapter,
          fixtures.textStream.sse,
          { includeUsage: true },
          size,
        );
        expect(events.at(-1)).toBe('[DONE]');
        const chunks = events.slice(0, -1).map((event) => JSON.parse(event) as Chunk);
        for (const chunk of chunks) expect(chunk.object).toBe('chat.completion.chunk');
        expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe(
          fixtures.textStream.content,
        );
        expect(chunks.at(-1)?.usage).toMatchObject({
          prompt_tokens: fixtures.textStream.usage.promptTokens,
        });
        expect(transformer.usage).toEqual(fixtures.textStream.usage);
        expect(transformer.completed).toBe(true);
        expect(transformer.failure).toBeUndefined();
      }
    });

    it('records stream usage without sending it when the caller did not ask', () => {
      const { events, transformer } = runStream(
        adapter,
        fixtures.textStream.sse,
        { includeUsage: false },
        13,
      );
      const chunks = events
        .filter((event) => event !== '[DONE]')
        .map((event) => JSON.parse(event) as Chunk);
      expect(chunks.some((chunk) => chunk.usage)).toBe(false);
      expect(transformer.usage).toEqual(fixtures.textStream.usage);
    });

    it('parses a tool call', () => {
      const parsed = adapter.parseChatResponse(fixtures.toolCall.body, CONTEXT);
      const choice = choiceOf(parsed.body);
      expect(choice.finish_reason).toBe('tool_calls');
      const call = choice.message.tool_calls?.[0];
      expect(call).toMatchObject({
        type: 'function',
        id: expect.any(String),
        function: { name: fixtures.toolCall.name },
      });
      expect(JSON.parse(call?.function.arguments ?? 'null')).toEqual(fixtures.toolCall.arguments);
    });

    it('streams a tool call as OpenAI tool_call deltas', () => {
      const { events } = runStream(adapter, fixtures.toolCallStream.sse, { includeUsage: true }, 9);
      const chunks = events
        .filter((event) => event !== '[DONE]')
        .map((event) => JSON.parse(event) as Chunk);
      let name = '';
      let args = '';
      let finish: string | undefined;
      for (const chunk of chunks) {
        const call = chunk.choices[0]?.delta?.tool_calls?.[0];
        name += call?.function?.name ?? '';
        args += call?.function?.arguments ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
      }
      expect(name).toBe(fixtures.toolCallStream.name);
      expect(JSON.parse(args)).toEqual(fixtures.toolCallStream.arguments);
      expect(finish).toBe('tool_calls');
    });

    it('types upstream errors', () => {
      for (const fixture of fixtures.errors) {
        const error = adapter.parseError(fixture.status, fixture.body, fixture.headers ?? {}, 0);
        expect(error).toBeInstanceOf(ProviderError);
        expect({ kind: error.kind, retryable: error.retryable, status: error.status }).toEqual({
          kind: fixture.kind,
          retryable: fixture.retryable,
          status: fixture.status,
        });
        expect(error.message.length).toBeGreaterThan(0);
      }
    });

    it('turns a malformed success body into a typed error, never a TypeError', () => {
      for (const body of [fixtures.malformedBody, null, 'text', 42, []]) {
        expect(() => adapter.parseChatResponse(body, CONTEXT)).toThrow(ProviderError);
      }
    });
  });
}

interface Chunk {
  object: string;
  usage?: Record<string, unknown> | null;
  choices: Array<{
    finish_reason?: string | null;
    delta?: {
      content?: string | null;
      tool_calls?: Array<{ function?: { name?: string; arguments?: string } }>;
    };
  }>;
}

interface Choice {
  finish_reason: string;
  message: {
    content: string | null;
    tool_calls?: Array<{ function: { name: string; arguments: string } }>;
  };
}

function choiceOf(body: Record<string, unknown>): Choice {
  const choices = body.choices as Choice[];
  const choice = choices[0];
  if (!choice) throw new Error('no choice');
  return choice;
}

function runStream(
  adapter: ProviderAdapter,
  sse: string | Uint8Array,
  options: Pick<ChatStreamOptions, 'includeUsage'>,
  size: number,
) {
  const transformer = encodeChatStream(
    adapter.createChatStreamTransformer({ ...CONTEXT, ...options }),
  );
  const bytes = typeof sse === 'string' ? new TextEncoder().encode(sse) : sse;
  let out = '';
  for (let offset = 0; offset < bytes.length; offset += size)
    out += transformer.push(bytes.subarray(offset, offset + size));
  out += transformer.end();
  const events = out
    .split('\n\n')
    .filter((event) => event.startsWith('data: '))
    .map((event) => event.slice(6));
  return { events, transformer };
}
