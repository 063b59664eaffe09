// Prints admission latency against a real Redis (REDIS_URL, default redis://127.0.0.1:6379):
// sequential admits, each reconciled and released, next to a plain PING round trip, for a
// request with key, team and key+model scopes (7 limits) and for one with a key only (3 limits).
// Run: pnpm --filter @switchyard/limits measure:admit [admits per scenario, default 5000]
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisRateLimiter, type Lease, type LimitScope } from '../src/index.js';

const count = Number(process.argv[2] ?? 5_000);
const warmUp = 500;
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const limiter = createRedisRateLimiter({ redis, failMode: 'closed' });
const rpm = 100_000_000;
const tpm = 1_000_000_000;
const scenarios: Record<string, LimitScope[]> = {
  'key+team+model': [
    { id: 'key:k1', requestsPerMinute: rpm, tokensPerMinute: tpm, maxConcurrent: 1_000 },
    { id: 'team:t1', requestsPerMinute: rpm, tokensPerMinute: tpm, maxConcurrent: 10_000 },
    { id: 'key:k1:model:openai/gpt-4o', requestsPerMinute: rpm },
  ],
  'key only': [
    { id: 'key:k1', requestsPerMinute: rpm, tokensPerMinute: tpm, maxConcurrent: 1_000 },
  ],
};

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function percentile(samples: readonly number[], quantile: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(quantile * (sorted.length - 1))] ?? Number.NaN;
}

function summarize(name: string, samples: readonly number[]): void {
  const at = (quantile: number): string => percentile(samples, quantile).toFixed(3);
  console.log(`  ${name.padEnd(10)} p50=${at(0.5)} ms  p90=${at(0.9)} ms  p99=${at(0.99)} ms`);
}

async function measure(name: string, scopes: LimitScope[]): Promise<void> {
  const partition = `bench-${randomUUID()}`;
  const samples = { ping: [] as number[], admit: [] as number[], reconcile: [] as number[] };
  const release: number[] = [];
  for (let round = -warmUp; round < count; round++) {
    const ping = await time(() => redis.ping());
    let lease: Lease | undefined;
    const admit = await time(async () => {
      const result = await limiter.admit({
        partition,
        scopes,
        tokens: 1_200,
        leaseId: randomUUID(),
      });
      if (!result.admitted) throw new Error(`refused: ${JSON.stringify(result.limitedBy)}`);
      lease = result.lease;
    });
    const held = lease;
    if (held === undefined) throw new Error('admitted without a lease');
    const reconcile = await time(() => limiter.reconcile(held, 300));
    const released = await time(() => limiter.release(held));
    if (round < 0) continue; // warm-up: connection, script cache, JIT
    samples.ping.push(ping);
    samples.admit.push(admit);
    samples.reconcile.push(reconcile);
    release.push(released);
  }
  console.log(`${name} (${count} sequential admits):`);
  for (const [label, values] of Object.entries(samples)) summarize(label, values);
  summarize('release', release);
  const added = percentile(samples.admit, 0.5) - percentile(samples.ping, 0.5);
  console.log(`  admit p50 minus ping p50: ${added.toFixed(3)} ms`);
  const keys = await redis.keys(`sy:*:{${partition}}:*`);
  if (keys.length > 0) await redis.del(...keys);
}

const info = await redis.info('server');
const version = info.split('\r\n').find((line) => line.startsWith('redis_version'));
console.log(`${version}, node ${process.version}`);
for (const [name, scopes] of Object.entries(scenarios)) await measure(name, scopes);
redis.disconnect();
