import type { ChatCompletionRequest } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { convertGoogleTools } from './convert-google-tools.js';

const BASE: ChatCompletionRequest = { model: 'g', messages: [{ role: 'user', content: 'hi' }] };

describe('convertGoogleTools', () => {
  it('declares tools as functionDeclarations with parameters Gemini accepts', () => {
    const warnings: string[] = [];
    const json = convertGoogleTools(
      {
        ...BASE,
        tools: [
          {
            type: 'function',
            function: {
              name: 'get_weather',
              description: 'Weather for a city',
              strict: true,
              parameters: {
                $schema: 'http://json-schema.org/draft-07/schema#',
                type: 'object',
                properties: { city: { type: 'string' }, unit: { type: ['string', 'null'] } },
                required: ['city', 'unit'],
                additionalProperties: false,
              },
            },
          },
          {
            type: 'function',
            function: { name: 'now', parameters: { type: 'object', properties: {} } },
          },
        ],
      },
      (warning) => warnings.push(warning),
    );
    expect(json.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'get_weather',
            description: 'Weather for a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' }, unit: { type: 'string', nullable: true } },
              required: ['city', 'unit'],
            },
          },
          { name: 'now' },
        ],
      },
    ]);
    expect(json.toolConfig).toBeUndefined();
    expect(warnings).toEqual([
      'tools[].function.strict is not supported by google and was ignored',
    ]);
  });

  it.each([
    ['none', { mode: 'NONE' }],
    ['auto', { mode: 'AUTO' }],
    ['required', { mode: 'ANY' }],
    [
      { type: 'function', function: { name: 'f' } },
      { mode: 'ANY', allowedFunctionNames: ['f'] },
    ],
  ] as const)('maps tool_choice %j to functionCallingConfig', (choice, config) => {
    const json = convertGoogleTools(
      { ...BASE, tools: [{ type: 'function', function: { name: 'f' } }], tool_choice: choice },
      () => {},
    );
    expect(json.toolConfig).toEqual({ functionCallingConfig: config });
  });

  it('warns about parallel_tool_calls=false and a tool_choice without tools', () => {
    const warnings: string[] = [];
    const fields = convertGoogleTools(
      { ...BASE, parallel_tool_calls: false, tool_choice: 'required' },
      (warning) => warnings.push(warning),
    );
    expect(fields).toEqual({});
    expect(warnings).toEqual([
      'parallel_tool_calls=false is not supported by google and was ignored',
      'tool_choice without tools was ignored',
    ]);
  });
});
