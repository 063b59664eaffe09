import { describe, expect, it } from 'vitest';
import { cachePrefixOf, createFakePromptCache } from './fake-prompt-cache.js';

const mark = { type: 'ephemeral' };

describe('the fake prompt cache', () => {
  it('writes a prefix up to the last breakpoint, then reads it when the next turn extends it', () => {
    const cache = createFakePromptCache();
    const system = [{ type: 'text', text: 'be brief', cache_control: mark }];
    const turn1 = [
      { role: 'user', content: [{ type: 'text', text: 'one two', cache_control: mark }] },
    ];
    const first = cachePrefixOf({ system, messages: turn1 });
    // 3 + (3 + 2) + (3 + 2)
    expect(first?.tokens).toBe(13);
    expect(cache.use(first ?? { key: '', tokens: 0, ttl: '5m' })).toEqual({
      read: 0,
      written: 13,
      ttl: '5m',
    });
    // The next request moves the mark to its new last turn: the earlier prefix is read.
    const turn2 = [
      { role: 'user', content: [{ type: 'text', text: 'one two' }] },
      { role: 'assistant', content: 'three' },
      {
        role: 'user',
        content: [{ type: 'text', text: 'four five six', cache_control: { ...mark, ttl: '1h' } }],
      },
    ];
    const second = cachePrefixOf({ system, messages: turn2 });
    expect(second?.tokens).toBe(13 + 4 + 6);
    expect(cache.use(second ?? { key: '', tokens: 0, ttl: '5m' })).toEqual({
      read: 13,
      written: 10,
      ttl: '1h',
    });
  });

  it('has no prefix without a breakpoint', () => {
    expect(cachePrefixOf({ messages: [{ role: 'user', content: 'x' }] })).toBeUndefined();
  });
});
