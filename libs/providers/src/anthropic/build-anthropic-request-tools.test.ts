import type { ChatMessage } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { build, hi, refusal, tools } from './build-anthropic-request.test-helpers.js';

describe('buildAnthropicRequest tools', () => {
  describe('tools', () => {
    it('sends tools with their parameters as input_schema, keeping strict', () => {
      const strictTool = {
        type: 'function' as const,
        function: { name: 'lookup', strict: true },
      };
      const { body } = build({ messages: hi, tools: [...tools, strictTool] });
      expect(body.tools).toEqual([
        {
          name: 'get_weather',
          description: 'Weather for a city',
          input_schema: { type: 'object', properties: { location: { type: 'string' } } },
        },
        { name: 'lookup', input_schema: { type: 'object', properties: {} }, strict: true },
      ]);
      expect(body.tool_choice).toBeUndefined();
    });

    it.each([
      ['auto', { type: 'auto' }],
      ['none', { type: 'none' }],
      ['required', { type: 'any' }],
      [
        { type: 'function', function: { name: 'get_weather' } },
        { type: 'tool', name: 'get_weather' },
      ],
    ] as const)('maps tool_choice %j to %j', (toolChoice, expected) => {
      expect(build({ messages: hi, tools, tool_choice: toolChoice }).body.tool_choice).toEqual(
        expected,
      );
    });

    it('turns parallel_tool_calls: false into disable_parallel_tool_use', () => {
      expect(build({ messages: hi, tools, parallel_tool_calls: false }).body.tool_choice).toEqual({
        type: 'auto',
        disable_parallel_tool_use: true,
      });
      const required = build({
        messages: hi,
        tools,
        tool_choice: 'required',
        parallel_tool_calls: false,
      });
      expect(required.body.tool_choice).toEqual({ type: 'any', disable_parallel_tool_use: true });
      expect(build({ messages: hi, parallel_tool_calls: false }).body.tool_choice).toBeUndefined();
    });

    it('sends tool calls as tool_use and merges consecutive tool results into one user turn', () => {
      const { body } = build({
        messages: [
          { role: 'user', content: 'Weather in Paris and Tokyo?' },
          {
            role: 'assistant',
            content: '',
            tool_calls: [
              {
                id: 'toolu_1',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"location":"Paris"}' },
              },
              {
                id: 'toolu_2',
                type: 'function',
                function: { name: 'get_weather', arguments: '{"location":"Tokyo"}' },
              },
            ],
          },
          { role: 'tool', tool_call_id: 'toolu_1', content: '18°C' },
          { role: 'tool', tool_call_id: 'toolu_2', content: [{ type: 'text', text: '24°C' }] },
          { role: 'user', content: 'Which is warmer?' },
        ],
      });
      expect(body.messages).toEqual([
        { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Tokyo?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { location: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: { location: 'Tokyo' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C' },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_2',
              content: [{ type: 'text', text: '24°C' }],
            },
            { type: 'text', text: 'Which is warmer?' },
          ],
        },
      ]);
    });

    it('reads empty tool arguments as {} and refuses arguments that are not a JSON object', () => {
      const call = (args: string): ChatMessage => ({
        role: 'assistant',
        tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: args } }],
      });
      expect(build({ messages: [...hi, call('')] }).body.messages).toMatchObject([
        {},
        { content: [{ type: 'tool_use', input: {} }] },
      ]);
      for (const args of ['{"location": "Par', '[1, 2]']) {
        const error = refusal({ messages: [...hi, call(args)] });
        expect(error).toMatchObject({
          kind: 'invalid_request',
          status: 400,
          code: 'invalid_request',
          param: 'messages[1].tool_calls[0].function.arguments',
        });
      }
    });
  });
});
