// Budgets through the distributed gateway on real Redis and Postgres: clamping, 402s, settling.
import { describe, expect, it } from 'vitest';
import { call, fake, get, seed, useAccessTestGateway } from '../testing/access-test-gateway.js';

// fake/cache-priced bills a prompt token written to a 1-hour cache at 3× its prompt rate.
useAccessTestGateway(() => ({
  providers: '',
  models: `  - id: fake/cache-priced
    context_length: 8192
    pricing: { prompt: "0.000001", completion: "0.000002", cache_write: "0.00000125", cache_write_1h: "0.000003" }`,
}));

describe('budgets', () => {
  // fake/chat costs 1,000 nano-USD a prompt token and 2,000 a completion token; "hi" is
  // estimated at 9 prompt tokens, so a request reserves 9,000 + max_tokens × 2,000.
  it('clamps max_tokens to what the budget affords and says so in a header', async () => {
    const key = await seed.key(await seed.team(), {
      budget_usd: '0.000209',
      budget_period: 'total',
    });
    fake.reset();
    const response = await call(key.secret, { max_tokens: 500 });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchyard-budget-max-tokens')).toBe('100');
    expect(fake.requests.at(-1)?.body).toMatchObject({ max_tokens: 100 });
  });

  it('reserves the prompt at its dearest cache-write rate: a request marked for caching cannot overrun', async () => {
    const key = await seed.key(await seed.team(), {
      budget_usd: '0.000209',
      budget_period: 'total',
    });
    fake.reset();
    // At the prompt rate 9,000 nano-USD would be held for the prompt and 100 tokens afforded;
    // written to a 1-hour cache it may cost 27,000, which leaves 91.
    const response = await call(key.secret, {
      model: 'fake/cache-priced',
      max_tokens: 500,
      messages: [
        {
          role: 'user',
          content: [{ type: 'text', text: 'hi', cache_control: { type: 'ephemeral', ttl: '1h' } }],
        },
      ],
    });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('x-switchyard-budget-max-tokens')).toBe('91');
    expect(fake.requests.at(-1)?.body).toMatchObject({ max_tokens: 91 });
  });

  it('refuses with 402 budget_exceeded naming the budget once not even a small answer fits', async () => {
    const key = await seed.key(await seed.team(), {
      budget_usd: '0.00005',
      budget_period: 'total',
    });
    const response = await call(key.secret, { max_tokens: 16 });
    expect(response.status, await response.clone().text()).toBe(200);
    const refused = await call(key.secret, { max_tokens: 16 });
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      type: 'insufficient_balance',
      code: 'budget_exceeded',
      limit_source: 'key_budget',
      resets_at: null,
    });
  });

  it('names the team budget and when it resets', async () => {
    const team = await seed.team({ budget_usd: '0.00001', budget_period: 'day' });
    const key = await seed.key(team, { budget_usd: '10', budget_period: 'month' });
    const refused = await call(key.secret);
    expect(refused.status).toBe(402);
    const body = (await refused.json()) as { error: Record<string, unknown> };
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(body.error).toMatchObject({
      limit_source: 'team_budget',
      resets_at: midnight.toISOString(),
    });
  });

  it('shows spend, reservations and what remains on GET /v1/key', async () => {
    const key = await seed.key(await seed.team(), { budget_usd: '1', budget_period: 'month' });
    expect((await call(key.secret, { max_tokens: 4 })).status).toBe(200);
    await expect
      .poll(async () => {
        const { data } = (await (await get(key.secret, '/v1/key')).json()) as {
          data: { budgets: { spent_usd: string; reserved_usd: string }[] };
        };
        return data.budgets[0];
      })
      .toMatchObject({ reserved_usd: '0' });
    const { data } = (await (await get(key.secret, '/v1/key')).json()) as {
      data: { budgets: Record<string, string>[] };
    };
    const budget = data.budgets[0];
    expect(budget).toMatchObject({ limit_source: 'key_budget', period: 'month', limit_usd: '1' });
    // The fake's usage for "hi": 7 prompt tokens and 2 completion tokens → 7,000 + 4,000 nano-USD.
    expect(budget?.spent_usd).toBe('0.000011');
    expect(budget?.remaining_usd).toBe('0.999989');
  });

  it('settles a stream the client left to what it had received, not to its whole hold', async () => {
    const key = await seed.key(await seed.team(), { budget_usd: '1', budget_period: 'month' });
    const controller = new AbortController();
    const response = await call(
      key.secret,
      {
        model: 'fake/slow-stream-200',
        stream: true,
        max_tokens: 1_000,
        messages: [{ role: 'user', content: 'one two three four five six' }],
      },
      { signal: controller.signal },
    );
    const reader = response.body?.getReader();
    let received = '';
    while (!received.includes('Echo')) {
      const read = await reader?.read();
      if (read === undefined || read.done) break;
      received += new TextDecoder().decode(read.value);
    }
    controller.abort();
    const budgetOf = async () => {
      const { data } = (await (await get(key.secret, '/v1/key')).json()) as {
        data: { budgets: { spent_usd: string; reserved_usd: string }[] };
      };
      return data.budgets[0];
    };
    await expect.poll(budgetOf, { timeout: 5_000 }).toMatchObject({ reserved_usd: '0' });
    // The hold was over $0.002 (1,000 completion tokens at $2/M); the estimate of a prompt of
    // about 17 tokens and an answer of a few is a few hundredths of that.
    const spent = Number((await budgetOf())?.spent_usd);
    expect(spent).toBeGreaterThan(0);
    expect(spent).toBeLessThan(0.00005);
  });

  it('keeps budgets far past $9M exact on GET /v1/key', async () => {
    const team = await seed.team({ budget_usd: '99999999999.999999999', budget_period: 'month' });
    const key = await seed.key(team, { budget_usd: '99999999999', budget_period: 'total' });
    expect((await call(key.secret, { max_tokens: 4 })).status).toBe(200);
    const budgetsOf = async () => {
      const { data } = (await (await get(key.secret, '/v1/key')).json()) as {
        data: { budgets: Record<string, string>[] };
      };
      return data.budgets;
    };
    await expect.poll(async () => (await budgetsOf())[0]).toMatchObject({ reserved_usd: '0' });
    // The fake's usage for "hi": 7 prompt and 2 completion tokens → $0.000011.
    expect(await budgetsOf()).toEqual([
      expect.objectContaining({
        limit_source: 'key_budget',
        limit_usd: '99999999999',
        spent_usd: '0.000011',
        remaining_usd: '99999999998.999989',
      }),
      expect.objectContaining({
        limit_source: 'team_budget',
        limit_usd: '99999999999.999999999',
        spent_usd: '0.000011',
        remaining_usd: '99999999999.999988999',
      }),
    ]);
  });

  it('says how much is left when what is left cannot pay for the smallest answer', async () => {
    // 0.00005 affords 9,000 + 16 × 2,000 = 41,000 nano-USD once; after a request spent
    // $0.000011, $0.000039 is left: not used up, yet too little for 16 tokens.
    const key = await seed.key(await seed.team(), {
      budget_usd: '0.00005',
      budget_period: 'total',
    });
    expect((await call(key.secret, { max_tokens: 2 })).status).toBe(200);
    let refused: Response | undefined;
    await expect
      .poll(async () => {
        refused = await call(key.secret, { max_tokens: 16 });
        return refused.status;
      })
      .toBe(402);
    const body = (await refused?.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: 'budget_exceeded', limit_source: 'key_budget' });
    expect(body.error.message).toBe(
      "This key's budget has $0.000039 left of $0.00005, not enough for the 16 completion " +
        "tokens a request needs at the least with this prompt ($0.000041 at this model's " +
        'price). Use a shorter prompt or a cheaper model, or ask an admin to raise the budget.',
    );
    expect(String(body.error.message)).not.toContain('used up');
  });

  it('answers /v1/generation for an id no request can have with 404, not 500', async () => {
    const key = await seed.key(await seed.team());
    for (const id of ['%00', 'req%00x', 'x'.repeat(129)]) {
      const response = await get(key.secret, `/v1/generation?id=${id}`);
      expect(response.status, id).toBe(404);
      const body = (await response.json()) as { error: Record<string, unknown> };
      expect(body.error).toMatchObject({ type: 'invalid_request_error' });
    }
  });
});
