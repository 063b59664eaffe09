import { compareCheckWithSchema } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from './chat-completion-request.js';
import { isPlainChatRequest } from './is-plain-chat-request.js';

/** Requests of the kinds the check is for, each one the schema accepts. */
const PLAIN: readonly Record<string, unknown>[] = [
  { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] },
  {
    model: 'openai/gpt-4o',
    messages: [
      { role: 'system', content: 'Be brief.', name: 'rules' },
      { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
      {
        role: 'user',
        content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":1}' } },
        ],
      },
      { role: 'tool', content: '42', tool_call_id: 'call_1' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }] },
      { role: 'assistant', refusal: null, audio: null },
    ],
    stream: true,
    stream_options: { include_usage: true },
    temperature: 0.2,
    top_p: 1,
    max_tokens: 64,
    max_completion_tokens: null,
    stop: ['\n', 'END'],
    n: 1,
    seed: -7,
    frequency_penalty: -2,
    presence_penalty: 2,
    user: 'user-1',
    tools: [
      {
        type: 'function',
        function: {
          name: 'lookup',
          description: 'Looks it up.',
          parameters: { type: 'object', properties: { q: { type: 'number' } } },
          strict: true,
        },
      },
    ],
    tool_choice: { type: 'function', function: { name: 'lookup' } },
    parallel_tool_calls: false,
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'answer', schema: { type: 'object' }, strict: null },
    },
    models: ['openai/gpt-4o', 'anthropic/claude'],
    provider: { order: ['openai'] },
    reasoning: { effort: 'low' },
    metadata: { team: 'a' },
  },
  {
    model: 'm',
    messages: [{ role: 'user', content: 'Hi' }],
    stop: 'END',
    tool_choice: 'required',
    response_format: { type: 'json_object' },
    stream: null,
    stream_options: null,
  },
];

/** Values every field is replaced with in turn: right for some fields, wrong for most. */
const ODD_VALUES: readonly unknown[] = [
  undefined,
  null,
  '',
  'x',
  'user',
  'function',
  0,
  -3,
  0.5,
  1.5,
  2.5,
  129,
  2 ** 60,
  true,
  [],
  ['a', 'b', 'c', 'd', 'e'],
  [{ type: 'text', text: 'x' }],
  [{ type: 'image_url', image_url: { url: '' } }],
  {},
  { type: 'text' },
  { type: 'function', function: {} },
  { type: 'json_schema', json_schema: { name: 1 } },
];

describe('isPlainChatRequest', () => {
  it('passes the common kinds of request', () => {
    for (const request of PLAIN) expect(isPlainChatRequest(request)).toBe(true);
  });

  it('passes only what the schema accepts, and as the schema would return it', () => {
    const { checked, passed, disagreements } = compareCheckWithSchema({
      check: isPlainChatRequest,
      parse: (value) => chatCompletionRequestSchema.safeParse(value),
      bases: PLAIN,
      oddValues: ODD_VALUES,
    });
    expect(disagreements).toEqual([]);
    // The variants are not all refused: the comparison was made thousands of times.
    expect(checked).toBeGreaterThan(2_000);
    expect(passed).toBeGreaterThan(500);
  });

  it('leaves requests the schema refuses, and rarer kinds, to the schema', () => {
    const refused: unknown[] = [
      null,
      [],
      { messages: [{ role: 'user', content: 'Hi' }] },
      { model: '', messages: [{ role: 'user', content: 'Hi' }] },
      { model: 'm', messages: [] },
      { model: 'm', messages: [{ role: 'user' }] },
      { model: 'm', messages: [{ role: 'robot', content: 'Hi' }] },
      { model: 'm', messages: [{ role: 'tool', content: 'Hi' }] },
      { model: 'm', messages: [{ role: 'user', content: 'Hi' }], temperature: 3 },
      { model: 'm', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 0 },
      { model: 'm', messages: [{ role: 'user', content: 'Hi' }], stop: ['a', 'b', 'c', 'd', 'e'] },
      { model: 'm', messages: [{ role: 'user', content: 'Hi' }], user: null },
    ];
    for (const request of refused) {
      expect(isPlainChatRequest(request)).toBe(false);
      expect(chatCompletionRequestSchema.safeParse(request).success).toBe(false);
    }
    const image = {
      model: 'm',
      messages: [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x/y.png' } }] },
      ],
    };
    expect(isPlainChatRequest(image)).toBe(false);
    expect(chatCompletionRequestSchema.safeParse(image).success).toBe(true);
  });
});
