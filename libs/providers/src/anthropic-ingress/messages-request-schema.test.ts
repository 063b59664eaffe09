import { describe, expect, it } from 'vitest';
import { messagesRequestSchema } from './messages-request-schema.js';

const minimal = {
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user', content: 'Hello, Claude' }],
};

describe('messagesRequestSchema', () => {
  it('accepts a request as @anthropic-ai/sdk sends it and keeps unknown fields', () => {
    const parsed = messagesRequestSchema.parse({
      ...minimal,
      system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
      service_tier: 'auto',
    });
    expect(parsed.service_tier).toBe('auto');
    expect(parsed.system).toEqual([
      { type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } },
    ]);
  });

  it.each([
    ['no max_tokens', { model: 'm', messages: minimal.messages }],
    ['max_tokens 0', { ...minimal, max_tokens: 0 }],
    ['a system role message', { ...minimal, messages: [{ role: 'system', content: 'x' }] }],
    ['no messages', { ...minimal, messages: [] }],
    ['temperature above 1', { ...minimal, temperature: 1.5 }],
    [
      'an image without data',
      {
        ...minimal,
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', source: { type: 'base64', media_type: 'image/png' } }],
          },
        ],
      },
    ],
    [
      'a tool_use block in a user turn',
      {
        ...minimal,
        messages: [
          { role: 'user', content: [{ type: 'tool_use', id: 't', name: 'n', input: {} }] },
        ],
      },
    ],
    ['a custom tool without input_schema', { ...minimal, tools: [{ name: 'get_weather' }] }],
    ['a named tool_choice without name', { ...minimal, tool_choice: { type: 'tool' } }],
  ])('rejects %s', (_name, body) => {
    expect(messagesRequestSchema.safeParse(body).success).toBe(false);
  });

  it('keeps blocks and tools of types it does not translate, marked unsupported', () => {
    const parsed = messagesRequestSchema.parse({
      ...minimal,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'search_result', source: 'https://example.com', title: 'x', content: [] },
          ],
        },
      ],
      tools: [{ type: 'web_search_20250305', name: 'web_search', max_uses: 5 }],
    });
    expect(parsed.messages[0]?.content).toEqual([
      { type: 'unsupported', original_type: 'search_result' },
    ]);
    expect(parsed.tools).toEqual([
      { type: 'unsupported', original_type: 'web_search_20250305', name: 'web_search' },
    ]);
  });
});
