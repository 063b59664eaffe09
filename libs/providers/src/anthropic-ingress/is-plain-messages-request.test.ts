import { compareCheckWithSchema } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { isPlainMessagesRequest } from './is-plain-messages-request.js';
import { messagesRequestSchema } from './messages-request-schema.js';

/** Requests of the kinds the check is for (what Claude Code sends), each one the schema accepts. */
const PLAIN: readonly Record<string, unknown>[] = [
  { model: 'claude-sonnet-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }] },
  {
    model: 'claude-sonnet-4-5',
    max_tokens: 32_000,
    stream: true,
    system: [{ type: 'text', text: 'You are Claude Code.', cache_control: { type: 'ephemeral' } }],
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Fix the parser.' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBOR' } },
          { type: 'image', source: { type: 'url', url: 'https://x/y.png' } },
          { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'notes' } },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 'Read it first.', signature: 'sig' },
          { type: 'redacted_thinking', data: 'opaque' },
          { type: 'text', text: 'Reading.' },
          { type: 'tool_use', id: 'toolu_1', name: 'Read', input: { path: 'src/parser.ts' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: 'line 1', is_error: false },
          {
            type: 'tool_result',
            tool_use_id: 'toolu_1',
            content: [{ type: 'text', text: 'line 2' }],
            cache_control: { type: 'ephemeral' },
          },
          { type: 'tool_result', tool_use_id: 'toolu_1' },
        ],
      },
      { role: 'assistant', content: 'Done.' },
    ],
    tools: [
      {
        name: 'Read',
        description: 'Reads a file.',
        input_schema: { type: 'object', properties: { path: { type: 'string' } } },
      },
      { type: 'custom', name: 'Write', input_schema: { type: 'object' } },
    ],
    tool_choice: { type: 'auto', disable_parallel_tool_use: true },
    stop_sequences: ['END'],
    temperature: 1,
    top_p: 0.9,
    top_k: 0,
    metadata: { user_id: 'user_1' },
    thinking: { type: 'enabled', budget_tokens: 10_000 },
  },
  {
    model: 'm',
    max_tokens: 1,
    system: 'Be brief.',
    messages: [{ role: 'user', content: [] }],
    tool_choice: { type: 'tool', name: 'Read' },
    metadata: { user_id: null },
  },
];

/** Values every field is replaced with in turn: right for some fields, wrong for most. */
const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  '',
  'x',
  'user',
  'assistant',
  'text',
  'custom',
  'web_search_20250305',
  0,
  -1,
  0.5,
  1.5,
  2 ** 60,
  true,
  [],
  ['a'],
  [{ type: 'text', text: 'x' }],
  [{ type: 'search_result', source: 'x' }],
  [{ type: 'thinking', thinking: 'x' }],
  {},
  { type: 'text' },
  { type: 'tool' },
  { type: 'none' },
  { type: 'url', url: '' },
  { type: 'file', file_id: 'f' },
];

describe('isPlainMessagesRequest', () => {
  it('passes the requests Claude Code sends', () => {
    for (const request of PLAIN) expect(isPlainMessagesRequest(request)).toBe(true);
  });

  it('passes only what the schema accepts, and as the schema would return it', () => {
    const { checked, passed, disagreements } = compareCheckWithSchema({
      check: isPlainMessagesRequest,
      parse: (value) => messagesRequestSchema.safeParse(value),
      bases: PLAIN,
      oddValues: ODD_VALUES,
    });
    expect(disagreements).toEqual([]);
    // The variants are not all refused: the comparison was made thousands of times.
    expect(checked).toBeGreaterThan(3_000);
    expect(passed).toBeGreaterThan(700);
  });

  it('leaves blocks of other types and server tools, which the schema rewrites, to the schema', () => {
    const base = PLAIN[0] as Record<string, unknown>;
    const rewritten = [
      { ...base, messages: [{ role: 'user', content: [{ type: 'search_result', source: 'x' }] }] },
      { ...base, tools: [{ type: 'web_search_20250305', name: 'web_search' }] },
      {
        ...base,
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', source: { type: 'file', file_id: 'file_1' } }],
          },
        ],
      },
    ];
    for (const request of rewritten) {
      expect(isPlainMessagesRequest(request)).toBe(false);
      const parsed = messagesRequestSchema.safeParse(request);
      expect(parsed.success).toBe(true);
      expect(parsed.data).not.toStrictEqual(request);
    }
  });
});
