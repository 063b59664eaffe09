import { describe, expect, it } from 'vitest';
import { planLimits } from './plan-limits.js';

describe('planLimits', () => {
  it('lists each scope’s limits in order: requests, tokens, concurrency', () => {
    expect(
      planLimits([
        { id: 'key:a', maxConcurrent: 2, requestsPerMinute: 60 },
        { id: 'team:t', tokensPerMinute: 1_000 },
        { id: 'key:a:model:openai/gpt-4o' },
      ]),
    ).toEqual([
      { scope: 'key:a', kind: 'requests', limit: 60 },
      { scope: 'key:a', kind: 'concurrency', limit: 2 },
      { scope: 'team:t', kind: 'tokens', limit: 1_000 },
    ]);
  });

  it('refuses a scope listed twice, whose counters would be charged twice', () => {
    expect(() =>
      planLimits([
        { id: 'key:a', requestsPerMinute: 1 },
        { id: 'key:a', requestsPerMinute: 2 },
      ]),
    ).toThrow('scope key:a is listed twice');
  });

  it('names the field and scope of a limit that is not a positive integer', () => {
    expect(() => planLimits([{ id: 'team:t', tokensPerMinute: 0 }])).toThrow(
      'tokensPerMinute of scope team:t must be a positive integer',
    );
  });
});
