import { type FakeOpenAI, startFakeOpenAI } from '@switchyard/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_UPSTREAM_KEY } from './support/fake-config.js';
import { type Standalone, startStandalone } from './support/start-standalone.js';

// The embedded database takes seconds to start (a fresh data directory initialises a cluster):
// the gateway must serve from the banner on, and a SIGTERM meanwhile must not wait for it.
let fake: FakeOpenAI;
const running: Standalone[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKeys: [FAKE_UPSTREAM_KEY] });
});

afterAll(async () => {
  await Promise.all(running.map((standalone) => standalone.stop()));
  await fake?.close();
});

const start = async (yaml?: string) => {
  const standalone = await startStandalone({
    env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: FAKE_UPSTREAM_KEY },
    waitForDatabase: false,
    ...(yaml !== undefined && { yaml }),
  });
  running.push(standalone);
  return standalone;
};

/** The longest the event loop was blocked since the previous scrape, in seconds. */
async function eventLoopLagMax(standalone: Standalone): Promise<number> {
  const metrics = await (await fetch(`${standalone.origin}/metrics`)).text();
  return Number(/^nodejs_eventloop_lag_max_seconds(?:\{[^}]*\})? (\S+)$/m.exec(metrics)?.[1]);
}

describe('standalone start-up', () => {
  it('answers at once after the banner, and the database start never blocks the event loop', async () => {
    const standalone = await start();
    const started = Date.now();
    const answer = await fetch(`${standalone.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${standalone.printedKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: 'openai/gpt-4o-mini',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    });
    expect(answer.status).toBe(200);
    // Generous for a busy machine; a database starting on the event loop takes many seconds.
    expect(Date.now() - started).toBeLessThan(3_000);

    // Measured in the process: the event loop's longest stall while the database starts.
    await eventLoopLagMax(standalone);
    let ready = false;
    const deadline = Date.now() + 90_000;
    while (!ready && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ready = (await fetch(`${standalone.origin}/readyz`)).status === 200;
    }
    expect(ready).toBe(true);
    expect(await eventLoopLagMax(standalone)).toBeLessThan(1);
  }, 120_000);

  it('exits within the grace period on a SIGTERM while the database starts', async () => {
    // Signalled right after the banner: a fresh data directory's database is still starting.
    const standalone = await start('server:\n  shutdown_grace_ms: 6000\n');
    const signalled = Date.now();
    const code = await standalone.stop('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(6_000);
  }, 60_000);
});
