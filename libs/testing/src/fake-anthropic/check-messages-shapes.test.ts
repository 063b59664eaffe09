import { describe, expect, it } from 'vitest';
import { checkMessagesShapes } from './check-messages-shapes.js';

const user = (content: unknown) => ({ role: 'user', content });
const text = (extra: Record<string, unknown> = {}) => ({ type: 'text', text: 'hi', ...extra });
const mark = { type: 'ephemeral' };

describe('checkMessagesShapes', () => {
  it('accepts thinking within max_tokens and cache marks on system, tools and blocks', () => {
    const body = {
      thinking: { type: 'enabled', budget_tokens: 1024 },
      system: [text({ cache_control: { type: 'ephemeral', ttl: '1h' } })],
      tools: [{ name: 't', input_schema: {}, cache_control: mark }],
      messages: [
        user([text()]),
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'x', signature: 'c2ln' },
            { type: 'redacted_thinking', data: 'ZW5j' },
            text(),
          ],
        },
        user([
          { type: 'tool_result', tool_use_id: 't1', content: [text({ cache_control: mark })] },
        ]),
      ],
    };
    expect(checkMessagesShapes(body, 2048)).toBeUndefined();
  });

  it('refuses what Anthropic refuses', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ thinking: { type: 'enabled', budget_tokens: 512 } }, 'budget_tokens'],
      [
        { thinking: { type: 'enabled', budget_tokens: 4096 } },
        'greater than `thinking.budget_tokens`',
      ],
      [{ thinking: { type: 'on' } }, 'thinking.type'],
      [{ messages: [{ ...user('x'), cache_control: mark }] }, 'messages.0.cache_control'],
      [
        { messages: [user([text({ cache_control: { type: 'persistent' } })])] },
        'messages.0.content.0.cache_control',
      ],
      [
        { messages: [user([text({ cache_control: { type: 'ephemeral', ttl: '2h' } })])] },
        'cache_control',
      ],
      [
        { messages: [user([{ type: 'thinking', thinking: 'x', signature: 's' }])] },
        'assistant turns',
      ],
      [
        { messages: [{ role: 'assistant', content: [{ type: 'thinking', thinking: 'x' }] }] },
        'signature',
      ],
      [
        { messages: [user(Array.from({ length: 5 }, () => text({ cache_control: mark })))] },
        'maximum of 4',
      ],
    ];
    for (const [body, message] of cases) {
      expect(checkMessagesShapes(body, 2048), message).toContain(message);
    }
  });
});
