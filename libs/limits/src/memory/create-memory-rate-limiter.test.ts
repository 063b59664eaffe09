import { describe, expect, it } from 'vitest';
import { admission, expectAdmitted, expectRefused } from '../contract/contract-harness.js';
import { describeRateLimiterContract } from '../describe-rate-limiter-contract.js';
import { createMemoryRateLimiter } from './create-memory-rate-limiter.js';

let now = Date.parse('2026-01-01T00:00:00Z');

describeRateLimiterContract('createMemoryRateLimiter', {
  createLimiter: (options) => createMemoryRateLimiter({ ...options, now: () => now }),
  advance: async (ms) => {
    now += ms;
  },
  clockSlackMs: 0,
});

describe('createMemoryRateLimiter', () => {
  it('refills exactly one request per emission interval (7 RPM: every 8571.43 ms)', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const limiter = createMemoryRateLimiter({ now: () => clock });
    const scopes = [{ id: 'key:a', requestsPerMinute: 7 }];
    for (let count = 0; count < 7; count++) {
      expectAdmitted(await limiter.admit(admission('p', scopes)));
    }
    expect(expectRefused(await limiter.admit(admission('p', scopes))).retryAfterMs).toBe(8572);
    clock += 8571;
    expectRefused(await limiter.admit(admission('p', scopes)));
    clock += 1;
    expectAdmitted(await limiter.admit(admission('p', scopes)));
    expectRefused(await limiter.admit(admission('p', scopes)));
  });

  it('is full again one period after its last request', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const limiter = createMemoryRateLimiter({ now: () => clock });
    const scopes = [{ id: 'key:a', requestsPerMinute: 3, tokensPerMinute: 900 }];
    for (let count = 0; count < 3; count++) {
      expectAdmitted(await limiter.admit(admission('p', scopes, 300)));
    }
    clock += 60_000;
    expect(await limiter.state('p', scopes)).toEqual([
      {
        scope: 'key:a',
        limitRequests: 3,
        remainingRequests: 3,
        resetRequestsMs: 0,
        limitTokens: 900,
        remainingTokens: 900,
        resetTokensMs: 0,
      },
    ]);
  });

  it('rejects a lease it did not issue', async () => {
    const limiter = createMemoryRateLimiter();
    const forged = { id: 'x', partition: 'p', degraded: false };
    await expect(limiter.release(forged)).rejects.toThrow(TypeError);
  });
});
