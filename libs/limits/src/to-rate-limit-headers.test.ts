import { describe, expect, it } from 'vitest';
import { toRateLimitHeaders } from './to-rate-limit-headers.js';

describe('toRateLimitHeaders', () => {
  it('reports, per dimension, the scope with the least remaining', () => {
    const headers = toRateLimitHeaders([
      { scope: 'key:a', limitRequests: 60, remainingRequests: 59, resetRequestsMs: 1000 },
      {
        scope: 'team:t',
        limitRequests: 1000,
        remainingRequests: 3,
        resetRequestsMs: 60_000,
        limitTokens: 90_000,
        remainingTokens: 85_000,
        resetTokensMs: 3_333,
      },
    ]);
    expect(headers).toEqual({
      'x-ratelimit-limit-requests': '1000',
      'x-ratelimit-remaining-requests': '3',
      'x-ratelimit-reset-requests': '1m0s',
      'x-ratelimit-limit-tokens': '90000',
      'x-ratelimit-remaining-tokens': '85000',
      'x-ratelimit-reset-tokens': '3.333s',
    });
  });

  it('leaves the token headers out when no token limit applies', () => {
    const headers = toRateLimitHeaders([
      { scope: 'key:a', limitRequests: 10, remainingRequests: 10, resetRequestsMs: 0 },
    ]);
    expect(Object.keys(headers)).toEqual([
      'x-ratelimit-limit-requests',
      'x-ratelimit-remaining-requests',
      'x-ratelimit-reset-requests',
    ]);
    expect(headers['x-ratelimit-reset-requests']).toBe('0s');
  });

  it('writes nothing for a degraded admission', () => {
    expect(toRateLimitHeaders([])).toEqual({});
  });
});
