import { type ResponsesRequest, responsesRequestSchema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { convertResponsesRequest } from './convert-responses-request.js';

const request = (fields: Record<string, unknown>): ResponsesRequest =>
  responsesRequestSchema.parse({ model: 'm', ...fields });

describe('convertResponsesRequest', () => {
  it('puts instructions first and a string input as the user message', () => {
    const { request: chat, warnings } = convertResponsesRequest(
      request({ instructions: 'be terse', input: 'hello', max_output_tokens: 64 }),
    );
    expect(chat).toEqual({
      model: 'm',
      messages: [
        { role: 'system', content: 'be terse' },
        { role: 'user', content: 'hello' },
      ],
      max_tokens: 64,
    });
    expect(warnings).toEqual([]);
  });

  it('carries messages, images, function calls and their outputs in order', () => {
    const { request: chat, warnings } = convertResponsesRequest(
      request({
        input: [
          {
            role: 'user',
            content: [
              { type: 'input_text', text: 'what is in' },
              { type: 'input_image', image_url: 'https://x/cat.png', detail: 'low' },
            ],
          },
          {
            type: 'message',
            role: 'assistant',
            content: [{ type: 'output_text', text: 'Let me look.' }],
          },
          { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'opaque' },
          { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{"q":1}' },
          { type: 'function_call', call_id: 'call_2', name: 'lookup', arguments: '{"q":2}' },
          { type: 'function_call_output', call_id: 'call_1', output: 'one' },
          {
            type: 'function_call_output',
            call_id: 'call_2',
            output: [{ type: 'input_text', text: 'two' }],
          },
        ],
      }),
    );
    expect(chat.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'what is in' },
          { type: 'image_url', image_url: { url: 'https://x/cat.png', detail: 'low' } },
        ],
      },
      {
        role: 'assistant',
        content: 'Let me look.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":1}' } },
          { id: 'call_2', type: 'function', function: { name: 'lookup', arguments: '{"q":2}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'one' },
      { role: 'tool', tool_call_id: 'call_2', content: 'two' },
    ]);
    expect(warnings).toEqual([
      'reasoning items with encrypted_content can only be carried to OpenAI routes and were dropped',
    ]);
  });

  it('puts a stored conversation before the input', () => {
    const history = [
      { type: 'message' as const, role: 'user' as const, content: 'first' },
      { type: 'function_call' as const, call_id: 'c', name: 'f', arguments: '{}' },
    ];
    const { request: chat } = convertResponsesRequest(
      request({ input: [{ type: 'function_call_output', call_id: 'c', output: 'done' }] }),
      history,
    );
    expect(chat.messages).toEqual([
      { role: 'user', content: 'first' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
      },
      { role: 'tool', tool_call_id: 'c', content: 'done' },
    ]);
  });

  it('translates function tools and tool_choice, warning of built-in tools', () => {
    const { request: chat, warnings } = convertResponsesRequest(
      request({
        input: 'hi',
        tools: [
          {
            type: 'function',
            name: 'lookup',
            description: 'Look up',
            parameters: { type: 'object' },
            strict: true,
          },
          { type: 'web_search' },
        ],
        tool_choice: { type: 'function', name: 'lookup' },
        parallel_tool_calls: false,
      }),
    );
    expect(chat.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'lookup',
          description: 'Look up',
          parameters: { type: 'object' },
          strict: true,
        },
      },
    ]);
    expect(chat.tool_choice).toEqual({ type: 'function', function: { name: 'lookup' } });
    expect(chat.parallel_tool_calls).toBe(false);
    expect(warnings).toEqual([
      'the built-in tool web_search is only served by OpenAI routes and was dropped',
    ]);
  });

  it('maps text.format, reasoning.effort, sampling and streaming', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const { request: chat, warnings } = convertResponsesRequest(
      request({
        input: 'hi',
        text: {
          format: { type: 'json_schema', name: 'answer', schema, strict: true },
          verbosity: 'low',
        },
        reasoning: { effort: 'high', summary: 'auto' },
        temperature: 0.5,
        top_p: 0.9,
        stream: true,
        store: false,
        include: ['reasoning.encrypted_content'],
        prompt_cache_key: 'k',
        seed: 3,
      }),
    );
    expect(chat).toMatchObject({
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema, strict: true },
      },
      reasoning_effort: 'high',
      temperature: 0.5,
      top_p: 0.9,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(warnings).toEqual([
      'text.verbosity is only served by OpenAI routes and was ignored',
      'seed is not supported and was ignored',
    ]);
  });

  it('names items only OpenAI can serve', () => {
    const { request: chat, warnings } = convertResponsesRequest(
      request({
        input: [
          { type: 'web_search_call', id: 'ws_1', status: 'completed' },
          { role: 'user', content: 'and now?' },
        ],
      }),
    );
    expect(chat.messages).toEqual([{ role: 'user', content: 'and now?' }]);
    expect(warnings).toEqual([
      'web_search_call input items are only served by OpenAI routes and were dropped',
    ]);
  });
});
