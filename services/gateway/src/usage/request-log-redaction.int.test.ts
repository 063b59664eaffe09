// What the request log would store for a key with log_bodies: the usage events' bodies, read off
// the bus, for served and refused requests alike.
import { randomUUID } from 'node:crypto';
import { USAGE_STREAM } from '@switchyard/bus';
import {
  isUsageBatch,
  type UsageEventV1,
  usageBatchV1Schema,
  usageEventV1Schema,
} from '@switchyard/contracts';
import { describe, expect, it, vi } from 'vitest';
import { bus, call, seed, useAccessTestGateway } from '../testing/access-test-gateway.js';

useAccessTestGateway();

/** The upstream key of the test gateway's providers (testing/access-test-gateway.ts). */
const UPSTREAM_KEY = 'sk-fake';
const SECRETS = [
  'sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'sk-proj-BBBBBBBBBBBBBBBBBBBBBBBB',
  'AIzaSyCCCCCCCCCCCCCCCCCCCCCCCCCCCCC',
  'ghp_DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD',
  'AKIAEEEEEEEEEEEEEEEE',
  'xoxb-1111111111-FFFFFFFFFFFF',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.GGGGGGGGGGGGGGGGGGGGGGGG',
  UPSTREAM_KEY,
];
/** Newline, tab, a word character's neighbour (`ENV_`), and the plain space the old code caught. */
const BEFORE = ['inline ', '\n', '\t', 'ENV_'];
const PROMPT = SECRETS.flatMap((secret) => BEFORE.map((before) => `${before}${secret}`)).join(' ');

async function storedEvents(keyIds: readonly string[], expected: number): Promise<UsageEventV1[]> {
  const events: UsageEventV1[] = [];
  const consumer = bus.consume(
    {
      stream: USAGE_STREAM,
      durable: `redaction_${randomUUID().slice(0, 8)}`,
      batchSize: 50,
      maxWaitMs: 1_000,
      ackWaitMs: 10_000,
      maxDeliver: -1,
    },
    async (batch) => {
      for (const message of batch) {
        // A single event, or usage batch v1 when several waited together.
        const json: unknown = JSON.parse(Buffer.from(message.data).toString());
        const published = isUsageBatch(json) ? usageBatchV1Schema.parse(json).events : [json];
        for (const item of published) {
          const event = usageEventV1Schema.parse(item);
          if (event.key_id !== null && keyIds.includes(event.key_id)) events.push(event);
        }
        message.ack();
      }
    },
  );
  await vi.waitFor(() => expect(events.length).toBeGreaterThanOrEqual(expected), {
    timeout: 10_000,
  });
  await consumer.stop();
  return events;
}

function expectRedacted(events: readonly UsageEventV1[]): void {
  for (const event of events) {
    const stored = JSON.stringify(event.bodies);
    expect(event.bodies, `${event.status}`).toBeTruthy();
    for (const secret of SECRETS) expect(stored, `${event.status}`).not.toContain(secret);
    // Every secret of the prompt became a marker, the prompt's words stayed.
    const request = JSON.parse(event.bodies?.request ?? '{}') as {
      messages?: { content: string }[];
    };
    const content = request.messages?.[0]?.content ?? '';
    expect(content.match(/\[redacted\]/g), `${event.status}`).toHaveLength(
      SECRETS.length * BEFORE.length,
    );
    expect(content).toContain('inline [redacted] \n[redacted] \t[redacted] ENV_[redacted]');
  }
}

describe('the request log’s redaction', () => {
  it('stores no credential of any shape, after a newline, a tab or ENV_, on a served request', async () => {
    const key = await seed.key(await seed.team(), { log_bodies: true });
    const response = await call(key.secret, { messages: [{ role: 'user', content: PROMPT }] });
    expect(response.status).toBe(200);
    const [event] = await storedEvents([key.id], 1);
    expect(event?.status).toBe(200);
    expectRedacted(event ? [event] : []);
  });

  it('stores neither the upstream key nor any credential on requests refused before any call', async () => {
    const team = await seed.team();
    const limited = await seed.key(team, {
      log_bodies: true,
      rpm: 1,
      model_allowlist: ['fake/chat'],
    });
    const broke = await seed.key(team, {
      log_bodies: true,
      budget_usd: '0.000000001',
      budget_period: 'total',
    });
    const messages = [{ role: 'user', content: PROMPT }];
    const statuses = [
      (await call(limited.secret, { messages, temperature: 9 })).status,
      (await call(limited.secret, { messages, model: 'fake/none' })).status,
      (await call(limited.secret, { messages, model: 'fake/other' })).status,
      (await call(broke.secret, { messages })).status,
      (await call(limited.secret, { messages })).status,
      (await call(limited.secret, { messages })).status,
    ];
    expect(statuses).toEqual([400, 404, 403, 402, 200, 429]);
    const events = await storedEvents([limited.id, broke.id], statuses.length);
    expect(events.map((event) => event.status).sort()).toEqual([200, 400, 402, 403, 404, 429]);
    expectRedacted(events);
  });
});
