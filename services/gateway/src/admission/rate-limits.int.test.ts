// Rate limits of keys, teams and models through the distributed gateway on real Redis.
import { describe, expect, it } from 'vitest';
import {
  call,
  errorOf,
  fake,
  get,
  seed,
  sleep,
  useAccessTestGateway,
} from '../testing/access-test-gateway.js';

useAccessTestGateway();

describe('rate limits', () => {
  it('carries x-ratelimit headers and refuses past the key RPM with 429 and retry-after', async () => {
    const key = await seed.key(await seed.team(), { rpm: 3 });
    const remaining: (string | null)[] = [];
    for (let index = 0; index < 3; index += 1) {
      const response = await call(key.secret);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit-requests')).toBe('3');
      remaining.push(response.headers.get('x-ratelimit-remaining-requests'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await call(key.secret);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).code).toBe('rate_limit_exceeded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(refused.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(fake.requests.length).toBeGreaterThan(0);
  });

  it('applies team limits on top of key limits', async () => {
    const team = await seed.team({ rpm: 2 });
    const first = await seed.key(team, { rpm: 100 });
    const second = await seed.key(team, { rpm: 100 });
    expect((await call(first.secret)).status).toBe(200);
    expect((await call(second.secret)).status).toBe(200);
    const refused = await call(first.secret);
    expect(refused.status).toBe(429);
    expect((await errorOf(refused)).message).toContain("team's");
  });

  it('applies a per-model limit to that model only', async () => {
    const key = await seed.key(await seed.team(), {
      per_model_limits: { 'fake/other': { rpm: 1 } },
    });
    expect((await call(key.secret, { model: 'fake/other' })).status).toBe(200);
    expect((await call(key.secret, { model: 'fake/other' })).status).toBe(429);
    expect((await call(key.secret, { model: 'fake/chat' })).status).toBe(200);
  });

  it('refuses once reserved tokens spend the TPM limit and admits again as the window moves', async () => {
    // 1,000 tokens a second: ~1,000-token requests spend it in about 60 calls, and one fits
    // again about a second after the refusal.
    const key = await seed.key(await seed.team(), { tpm: 60_000 });
    const prompt = 'word '.repeat(1_000);
    let refused: Response | undefined;
    for (let index = 0; index < 200 && refused === undefined; index += 1) {
      const response = await call(key.secret, { messages: [{ role: 'user', content: prompt }] });
      if (response.status === 429) refused = response;
      else expect(response.status).toBe(200);
    }
    if (refused === undefined) throw new Error('the TPM limit never refused');
    expect((await errorOf(refused)).code).toBe('rate_limit_exceeded');
    expect(refused.headers.get('x-ratelimit-limit-tokens')).toBe('60000');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    await sleep(retryAfter * 1000);
    expect((await call(key.secret, { messages: [{ role: 'user', content: prompt }] })).status).toBe(
      200,
    );
  });

  it('holds concurrency to its limit at the upstream and frees every slot, also after disconnects', async () => {
    const key = await seed.key(await seed.team(), { max_concurrent: 3 });
    fake.reset();
    const statuses = await Promise.all(
      Array.from(
        { length: 10 },
        async () => (await call(key.secret, { model: 'fake/slow-1000' })).status,
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(3);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
    expect(fake.stats.peakActive).toBeLessThanOrEqual(3);

    const controllers = Array.from({ length: 3 }, () => new AbortController());
    const abandoned = controllers.map((controller) =>
      call(key.secret, { model: 'fake/slow-1000' }, { signal: controller.signal }).catch(
        () => undefined,
      ),
    );
    await sleep(200);
    expect((await call(key.secret)).status).toBe(429);
    for (const controller of controllers) controller.abort();
    await Promise.all(abandoned);
    await expect
      .poll(
        async () => {
          const state = (await (await get(key.secret, '/v1/key')).json()) as {
            data: { rate_limit: { remaining_concurrent: number | null }[] };
          };
          return state.data.rate_limit[0]?.remaining_concurrent;
        },
        { timeout: 2_000 },
      )
      .toBe(3);
    expect(fake.stats.peakActive).toBeLessThanOrEqual(3);
  });
});
