import type { ChatCompletionRequest } from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider-error.js';
import { buildBedrockRequest } from './build-bedrock-request.js';

const TARGET = {
  baseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com',
  upstreamModel: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
  apiKey: 'AKIDEXAMPLE:secret',
  extraHeaders: {},
};
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function build(request: Partial<ChatCompletionRequest>) {
  const built = buildBedrockRequest(
    {
      model: 'm',
      messages: [{ role: 'user', content: 'Hi' }],
      ...request,
    } as ChatCompletionRequest,
    TARGET,
  );
  return { ...built, json: JSON.parse(built.body ?? '{}') as Record<string, unknown> };
}

describe('buildBedrockRequest', () => {
  it('posts to converse with the model id as one encoded path segment, unsigned', () => {
    const built = build({});
    expect(built.url).toBe(
      'https://bedrock-runtime.us-east-1.amazonaws.com/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse',
    );
    expect(built.method).toBe('POST');
    expect(built.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.stringify(built)).not.toContain('secret');
  });

  it('streams through converse-stream', () => {
    const built = build({ stream: true });
    expect(built.url).toMatch(/\/converse-stream$/);
    expect(built.json.stream).toBeUndefined();
  });

  it('lifts system messages, merges turns and carries the sampling options', () => {
    const { json } = build({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'One' },
        { role: 'user', content: [{ type: 'text', text: 'Two' }] },
      ],
      max_tokens: 100,
      temperature: 0.5,
      top_p: 0.9,
      stop: 'END',
    });
    expect(json.system).toEqual([{ text: 'Be brief.' }]);
    expect(json.messages).toEqual([{ role: 'user', content: [{ text: 'One' }, { text: 'Two' }] }]);
    expect(json.inferenceConfig).toEqual({
      maxTokens: 100,
      temperature: 0.5,
      topP: 0.9,
      stopSequences: ['END'],
    });
  });

  it('translates tools, tool choice, tool calls and tool results', () => {
    const { json } = build({
      messages: [
        { role: 'user', content: 'Weather?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '18C' },
      ],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather by city',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
    });
    expect(json.toolConfig).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'get_weather',
            description: 'Weather by city',
            inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } } } },
          },
        },
      ],
      toolChoice: { tool: { name: 'get_weather' } },
    });
    expect(json.messages).toEqual([
      { role: 'user', content: [{ text: 'Weather?' }] },
      {
        role: 'assistant',
        content: [
          { toolUse: { toolUseId: 'call_1', name: 'get_weather', input: { city: 'Paris' } } },
        ],
      },
      {
        role: 'user',
        content: [{ toolResult: { toolUseId: 'call_1', content: [{ text: '18C' }] } }],
      },
    ]);
  });

  it('maps required to any and warns about what Converse cannot do', () => {
    const tools = [{ type: 'function' as const, function: { name: 'f' } }];
    expect(build({ tools, tool_choice: 'required' }).json.toolConfig).toMatchObject({
      toolChoice: { any: {} },
    });
    const built = build({
      tools,
      tool_choice: 'none',
      seed: 7,
      response_format: { type: 'json_object' },
    });
    expect(built.json.toolConfig).not.toHaveProperty('toolChoice');
    expect(built.warnings).toEqual(
      expect.arrayContaining([
        expect.stringContaining('tool_choice none'),
        'seed is not supported by bedrock and was ignored',
        'response_format is not supported by bedrock and was ignored',
      ]),
    );
  });

  it('sends base64 images as bytes and refuses image URLs it would have to fetch', () => {
    const { json } = build({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
          ],
        },
      ],
    });
    expect(json.messages).toEqual([
      {
        role: 'user',
        content: [{ text: 'What is this?' }, { image: { format: 'png', source: { bytes: PNG } } }],
      },
    ]);
    expect(() =>
      build({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }],
          },
        ],
      }),
    ).toThrow(ProviderError);
  });

  it('refuses n > 1 and tool arguments that are not an object', () => {
    expect(() => build({ n: 2 })).toThrow(/one choice/);
    expect(() =>
      build({
        messages: [
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '[1]' } }],
          },
        ],
      }),
    ).toThrow(ProviderError);
  });
});
