import { compareCheckWithSchema } from '@switchyard/testing';
import { describe, expect, it } from 'vitest';
import { isPlainResponsesRequest } from './is-plain-responses-request.js';
import { responsesRequestSchema } from './responses-request.js';

/** Requests of the kinds the check is for (Codex's turns), each one the schema accepts. */
const PLAIN: readonly Record<string, unknown>[] = [
  { model: 'gpt-5', input: 'Hi' },
  {
    model: 'openai/gpt-5-codex',
    instructions: 'You are a coding agent.',
    input: [
      { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Rules.' }] },
      { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Fix it.' }] },
      {
        type: 'reasoning',
        id: 'rs_1',
        summary: [{ type: 'summary_text', text: 'Reading.' }],
        content: null,
        encrypted_content: 'gAAAA',
      },
      {
        type: 'function_call',
        id: 'fc_1',
        call_id: 'call_1',
        name: 'shell',
        arguments: '{"command":["ls"]}',
        status: 'completed',
      },
      { type: 'function_call_output', call_id: 'call_1', output: 'a.ts\n', id: null, status: null },
      {
        type: 'message',
        id: 'msg_1',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'Done.', annotations: [] }],
        status: 'completed',
      },
      { type: 'message', role: 'assistant', content: [{ type: 'refusal', refusal: 'No.' }] },
      { type: 'message', role: 'system', content: 'Be brief.' },
    ],
    tools: [
      {
        type: 'function',
        name: 'shell',
        description: 'Runs a command.',
        parameters: { type: 'object', properties: { command: { type: 'array' } } },
        strict: false,
      },
      { type: 'web_search' },
    ],
    tool_choice: 'auto',
    parallel_tool_calls: false,
    reasoning: { effort: 'medium', summary: 'auto' },
    store: false,
    stream: true,
    include: ['reasoning.encrypted_content'],
    prompt_cache_key: 'session-1',
    text: { verbosity: 'low' },
    max_output_tokens: 4096,
    temperature: 1,
    top_p: 0.5,
    metadata: { team: 'a' },
    user: 'u-1',
    background: null,
    previous_response_id: null,
    models: ['openai/gpt-5'],
    provider: { order: ['openai'] },
  },
  {
    model: 'm',
    input: [{ type: 'message', role: 'user', content: 'Hi' }],
    tool_choice: { type: 'function', name: 'shell' },
    text: { format: { type: 'json_object' } },
    instructions: null,
    reasoning: null,
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
  'message',
  0,
  -3,
  0.5,
  1.5,
  2.5,
  2 ** 60,
  true,
  [],
  [{ type: 'input_text', text: 'x' }],
  [{ type: 'input_image' }],
  {},
  { type: 'text' },
  { type: 'function' },
  { type: 'json_schema', name: 1 },
  { role: 'user', content: 'no type' },
];

describe('isPlainResponsesRequest', () => {
  it('passes the kinds of request a coding agent sends', () => {
    for (const request of PLAIN) expect(isPlainResponsesRequest(request)).toBe(true);
  });

  it('passes only what the schema accepts, and as the schema would return it', () => {
    const { checked, passed, disagreements } = compareCheckWithSchema({
      check: isPlainResponsesRequest,
      parse: (value) => responsesRequestSchema.safeParse(value),
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
      { input: 'Hi' },
      { model: '', input: 'Hi' },
      { model: 'm', input: null },
      { model: 'm', input: [{ type: 'message', role: 'robot', content: 'Hi' }] },
      { model: 'm', input: [{ type: 'function_call', call_id: 'c', arguments: '{}' }] },
      { model: 'm', input: 'Hi', max_output_tokens: 0 },
      { model: 'm', input: 'Hi', tools: [{ type: 'function', name: '' }] },
      { model: 'm', input: 'Hi', user: null },
      { model: 'm', input: 'Hi', text: { format: null } },
    ];
    for (const request of refused) {
      expect(isPlainResponsesRequest(request), JSON.stringify(request)).toBe(false);
      expect(responsesRequestSchema.safeParse(request).success, JSON.stringify(request)).toBe(
        false,
      );
    }
    // Accepted by the schema, which adds the message's type or checks what the check does not.
    for (const rarer of [
      { model: 'm', input: [{ role: 'user', content: 'Hi' }] },
      { model: 'm', input: [{ type: 'item_reference', id: 'msg_1' }] },
      {
        model: 'm',
        input: [
          {
            type: 'message',
            role: 'user',
            content: [{ type: 'input_image', image_url: 'https://x/y.png' }],
          },
        ],
      },
      { model: 'm', input: 'Hi', text: { format: { type: 'json_schema', name: 'a', schema: {} } } },
    ]) {
      expect(isPlainResponsesRequest(rarer), JSON.stringify(rarer)).toBe(false);
      expect(responsesRequestSchema.safeParse(rarer).success, JSON.stringify(rarer)).toBe(true);
    }
  });
});
