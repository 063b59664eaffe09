// Reasoning and prompt caching through the Anthropic adapter: OpenAI's reasoning_effort and
// OpenRouter's `reasoning` become thinking budgets, thinking comes back as OpenRouter returns
// it (reasoning, reasoning_details with signatures), and cache_control on parts stays put.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeChatStream } from '../shared/encode-chat-stream.js';
import { build, hi } from './build-anthropic-request.test-helpers.js';
import { createAnthropicStreamTransformer } from './create-anthropic-stream-transformer.js';
import { parseAnthropicChatResponse } from './parse-anthropic-response.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const CONTEXT = { createdAtSeconds: 1_750_000_000, upstreamModel: 'claude' };

describe('reasoning requests to anthropic', () => {
  it('maps efforts to a share of max_tokens and reasoning.max_tokens to the budget itself', () => {
    const thinking = (request: Record<string, unknown>) =>
      build({ messages: hi, max_tokens: 10_000, ...request }).body.thinking;
    expect(thinking({ reasoning_effort: 'low' })).toEqual({ type: 'enabled', budget_tokens: 2000 });
    expect(thinking({ reasoning: { effort: 'high' } })).toEqual({
      type: 'enabled',
      budget_tokens: 8000,
    });
    expect(thinking({ reasoning: { max_tokens: 3000 } })).toEqual({
      type: 'enabled',
      budget_tokens: 3000,
    });
    // Below Anthropic's minimum, raised to it; at or above max_tokens, kept under it.
    expect(thinking({ reasoning: { max_tokens: 100 } })).toEqual({
      type: 'enabled',
      budget_tokens: 1024,
    });
    expect(thinking({ reasoning: { max_tokens: 50_000 } })).toEqual({
      type: 'enabled',
      budget_tokens: 9999,
    });
    expect(thinking({ reasoning: { enabled: false, effort: 'high' } })).toBeUndefined();
    expect(thinking({})).toBeUndefined();
  });

  it('drops what thinking rules out, with warnings, and thinking that has no room', () => {
    const { body, built } = build({
      messages: hi,
      max_tokens: 4096,
      temperature: 0.2,
      top_p: 0.5,
      reasoning_effort: 'medium',
    });
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(built.warnings).toEqual([
      'temperature cannot be combined with thinking on anthropic and was ignored',
      'top_p below 0.95 cannot be combined with thinking on anthropic and was ignored',
    ]);
    const small = build({ messages: hi, max_tokens: 512, reasoning_effort: 'high' });
    expect(small.body).not.toHaveProperty('thinking');
    expect(small.built.warnings).toEqual([
      'reasoning needs max_tokens above 1024 on anthropic; it was not enabled',
    ]);
  });

  it('sends reasoning_details of earlier turns back as signed thinking blocks', () => {
    const { body } = build({
      messages: [
        ...hi,
        {
          role: 'assistant',
          content: 'Hello',
          reasoning_details: [
            {
              type: 'reasoning.text',
              text: 'think',
              signature: 'c2ln',
              format: 'anthropic-claude-v1',
            },
            { type: 'reasoning.encrypted', data: 'ZW5j', format: 'anthropic-claude-v1' },
            { type: 'reasoning.text', text: 'unsigned, from another model' },
          ],
        } as never,
        { role: 'user', content: 'Go on' },
      ],
    });
    expect((body.messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'think', signature: 'c2ln' },
        { type: 'redacted_thinking', data: 'ZW5j' },
        { type: 'text', text: 'Hello' },
      ],
    });
  });

  it('keeps cache_control of content parts on their blocks, the system prompt included', () => {
    const mark = { type: 'ephemeral' };
    const { body } = build({
      messages: [
        {
          role: 'system',
          content: [{ type: 'text', text: 'rules', cache_control: mark } as never],
        },
        {
          role: 'user',
          content: [{ type: 'text', text: 'question', cache_control: mark } as never],
        },
      ],
    });
    expect(body.system).toEqual([{ type: 'text', text: 'rules', cache_control: mark }]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'question', cache_control: mark }] },
    ]);
  });
});

describe('thinking in anthropic answers', () => {
  it('returns thinking as reasoning and reasoning_details with its signature', () => {
    const { body } = parseAnthropicChatResponse(
      JSON.parse(fixture('message-thinking.json')),
      CONTEXT,
    );
    const message = (body.choices as { message: Record<string, unknown> }[])[0]?.message;
    expect(typeof message?.reasoning).toBe('string');
    expect(message?.reasoning_details).toEqual([
      {
        type: 'reasoning.text',
        text: message?.reasoning,
        signature: expect.any(String),
        format: 'anthropic-claude-v1',
        index: 0,
      },
    ]);
  });

  it('streams thinking as delta.reasoning, then the signature as a reasoning detail', () => {
    const transformer = encodeChatStream(
      createAnthropicStreamTransformer({ ...CONTEXT, includeUsage: false }),
    );
    const out =
      transformer.push(new TextEncoder().encode(fixture('stream-thinking-cached.sse'))) +
      transformer.end();
    const deltas = out
      .split('\n\n')
      .filter((event) => event.startsWith('data: {'))
      .map((event) => JSON.parse(event.slice(6)).choices[0]?.delta)
      .filter((delta) => delta?.reasoning !== undefined || delta?.reasoning_details !== undefined);
    expect(deltas.map((delta) => delta.reasoning ?? '').join('')).toBe(
      '27 * 453 = 10800 + 1431 = 12231.',
    );
    expect(deltas.at(-1)).toEqual({
      reasoning_details: [
        {
          type: 'reasoning.text',
          text: '',
          signature: expect.stringMatching(/^EqQB/),
          format: 'anthropic-claude-v1',
          index: 0,
        },
      ],
    });
  });
});

describe('documents to anthropic', () => {
  it('sends file parts given as data or by URL as document blocks', () => {
    const { body } = build({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              file: { file_data: 'data:application/pdf;base64,JVBERi0x', filename: 'a.pdf' },
            },
            { type: 'file', file: { file_data: 'https://example.com/b.pdf' } },
            { type: 'text', text: 'Compare.' },
          ],
        },
      ],
    });
    expect((body.messages as { content: unknown }[])[0]?.content).toEqual([
      {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0x' },
        title: 'a.pdf',
      },
      { type: 'document', source: { type: 'url', url: 'https://example.com/b.pdf' } },
      { type: 'text', text: 'Compare.' },
    ]);
  });
});
