import { chatCompletionRequestSchema } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { convertMessagesRequest } from './convert-messages-request.js';
import { messagesRequestSchema } from './messages-request-schema.js';

/** Parses like the route will, converts, and checks the result is a valid canonical request. */
function convert(body: Record<string, unknown>) {
  const result = convertMessagesRequest(
    messagesRequestSchema.parse({ model: 'claude-sonnet-4-5', max_tokens: 512, ...body }),
  );
  expect(chatCompletionRequestSchema.safeParse(result.request).error).toBeUndefined();
  return result;
}

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('convertMessagesRequest', () => {
  it('moves a document out of a tool result into the user message that follows', () => {
    const { request, warnings } = convert({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [{ type: 'document', source: { type: 'text', data: 'file body' } }],
            },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'tool', tool_call_id: 'toolu_1', content: '' },
      { role: 'user', content: 'file body' },
    ]);
    expect(warnings).toEqual([
      'documents in tool_result blocks were moved to the user message that follows',
    ]);
  });

  it('converts a multi-turn tool conversation: tool_use to tool_calls, tool_result to tool messages first', () => {
    const { request, warnings } = convert({
      tools: [
        {
          name: 'get_weather',
          description: 'Current weather in a city',
          input_schema: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          },
        },
      ],
      messages: [
        { role: 'user', content: 'Weather in Paris and Tokyo?' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Two cities: two calls.', signature: 'EqQBCgIYAhIM' },
            { type: 'text', text: 'Checking both.' },
            { type: 'tool_use', id: 'toolu_01A', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_01B', name: 'get_weather', input: { city: 'Tokyo' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_01A', content: '18°C, cloudy' },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_01B',
              content: [{ type: 'text', text: 'Service unavailable' }],
              is_error: true,
            },
            { type: 'text', text: 'Summarise please.' },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'user', content: 'Weather in Paris and Tokyo?' },
      {
        role: 'assistant',
        content: 'Checking both.',
        tool_calls: [
          {
            id: 'toolu_01A',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
          },
          {
            id: 'toolu_01B',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Tokyo"}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_01A', content: '18°C, cloudy' },
      { role: 'tool', tool_call_id: 'toolu_01B', content: 'Error: Service unavailable' },
      { role: 'user', content: 'Summarise please.' },
    ]);
    expect(request.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Current weather in a city',
          parameters: {
            type: 'object',
            properties: { city: { type: 'string' } },
            required: ['city'],
          },
        },
      },
    ]);
    expect(warnings).toEqual([
      'thinking blocks were dropped: other models cannot continue Anthropic thinking',
    ]);
  });

  it('gives an assistant turn of only tool calls null content, and a result-only turn no user message', () => {
    const { request } = convert({
      messages: [
        { role: 'user', content: 'Time?' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'now', input: {} }],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1' }] },
      ],
    });
    expect(request.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'now', arguments: '{}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: '' },
    ]);
  });

  it('moves images of a tool result into the user message that follows, with a warning', () => {
    const { request, warnings } = convert({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_9',
              content: [
                { type: 'text', text: 'Screenshot taken.' },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
              ],
            },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'tool', tool_call_id: 'toolu_9', content: 'Screenshot taken.' },
      {
        role: 'user',
        content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } }],
      },
    ]);
    expect(warnings).toEqual([
      'images in tool_result blocks were moved to the user message that follows',
    ]);
  });

  it.each([
    [{ type: 'auto' }, { tool_choice: 'auto' }],
    [{ type: 'any' }, { tool_choice: 'required' }],
    [{ type: 'none' }, { tool_choice: 'none' }],
    [
      { type: 'tool', name: 'get_weather' },
      { tool_choice: { type: 'function', function: { name: 'get_weather' } } },
    ],
    [
      { type: 'any', disable_parallel_tool_use: true },
      { tool_choice: 'required', parallel_tool_calls: false },
    ],
    [
      { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true },
      {
        tool_choice: { type: 'function', function: { name: 'get_weather' } },
        parallel_tool_calls: false,
      },
    ],
  ])('maps tool_choice %j', (toolChoice, expected) => {
    const { request } = convert({
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [{ name: 'get_weather', input_schema: { type: 'object' } }],
      tool_choice: toolChoice,
    });
    expect(request).toMatchObject(expected);
    if (!('parallel_tool_calls' in expected))
      expect(request).not.toHaveProperty('parallel_tool_calls');
  });

  it('drops server tools, and tool_choice with them when no tool is left, with warnings', () => {
    const { request, warnings } = convert({
      messages: [{ role: 'user', content: 'News?' }],
      tools: [{ type: 'web_search_20250305', name: 'web_search' }],
      tool_choice: { type: 'any' },
    });
    expect(request).not.toHaveProperty('tools');
    expect(request).not.toHaveProperty('tool_choice');
    expect(warnings).toEqual([
      "tool 'web_search' of type web_search_20250305 is not supported and was dropped",
      'tool_choice was ignored because no usable tools were given',
    ]);
  });
});
