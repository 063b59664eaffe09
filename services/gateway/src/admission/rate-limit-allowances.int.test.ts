// Allowances through the distributed gateway on real Redis: a replica admits from what it charged
// ahead, and what it holds goes back to the others when it stops.
import { describe, expect, it } from 'vitest';
import {
  call,
  get,
  seed,
  startGateway,
  useAccessTestGateway,
} from '../testing/access-test-gateway.js';

useAccessTestGateway();

/** What GET /v1/key says is left of the key's limits, as the gateway that answers sees it. */
async function keyLimits(secret: string): Promise<{ requests: number; concurrent: number }> {
  const response = await get(secret, '/v1/key');
  const body = (await response.json()) as {
    data: {
      rate_limit: { remaining_requests: number | null; remaining_concurrent: number | null }[];
    };
  };
  const state = body.data.rate_limit.find((entry) => entry.remaining_requests !== null);
  return {
    requests: state?.remaining_requests ?? Number.NaN,
    concurrent: state?.remaining_concurrent ?? Number.NaN,
  };
}

describe('rate-limit allowances', () => {
  it('admits from what a replica charged ahead and gives it back when that replica stops', async () => {
    // A tenth of each limit is charged ahead: 1,000 requests, 100 slots.
    const key = await seed.key(await seed.team(), { rpm: 10_000, max_concurrent: 1_000 });
    // Held until it stops, however slow this machine is.
    const replica = await startGateway({ limitAllowanceShare: 0.1, limitAllowanceIdleMs: 60_000 });
    const remaining: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await call(key.secret, {}, { url: replica.url });
      expect(response.status).toBe(200);
      remaining.push(Number(response.headers.get('x-ratelimit-remaining-requests')));
    }
    // The replica's held requests count as remaining; at 10,000 a minute one comes back every
    // 6 ms, so the later answers may have regained some.
    expect(remaining[0]).toBe(9_999);
    for (const value of remaining.slice(1)) expect(value).toBeGreaterThanOrEqual(9_997);
    // Another gateway sees the held ones as taken until the replica stops (of the 997 requests
    // held, what came back by the minute's refill is bounded by 3 s of this test).
    const held = await keyLimits(key.secret);
    expect(held.requests).toBeLessThanOrEqual(9_500);
    expect(held.concurrent).toBe(900);
    replica.app.app.server.closeAllConnections();
    await replica.app.app.close();
    const back = await keyLimits(key.secret);
    expect(back.requests).toBeGreaterThanOrEqual(9_997);
    expect(back.concurrent).toBe(1_000);
  });
});
