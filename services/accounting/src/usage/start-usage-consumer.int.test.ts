import { randomUUID } from 'node:crypto';
import { type Bus, type BusMessage, connectNatsBus, deleteNatsStreams } from '@switchyard/bus';
import type { UsageEventV1 } from '@switchyard/contracts';
import { useNats } from '@switchyard/testing';
import { sql } from 'kysely';
import pino from 'pino';
import { type Counter, Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { uniqueUsageStreams } from '../testing/unique-usage-streams.js';
import { DEAD_LETTER_HEADERS } from './dead-letter-usage-message.js';
import { startUsageConsumer, type UsageConsumerOptions } from './start-usage-consumer.js';
import { createUsageConsumerMetrics } from './usage-consumer-metrics.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const settle = { timeout: 20_000, interval: 100 };
const logger = pino({ level: 'silent' });

let accounting: TestAccounting;
let natsUrl: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  accounting = await startAccountingForTest();
  natsUrl = (await useNats()).url;
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await accounting?.stop();
});

const total = async (counter: Counter<string>): Promise<number> =>
  (await counter.get()).values.reduce((sum, value) => sum + value.value, 0);

async function connect(name: string): Promise<Bus> {
  const bus = await connectNatsBus({ url: natsUrl, name });
  cleanups.push(() => bus.close());
  return bus;
}

/** Streams of its own, a publisher bus, and a way to start consumer replicas on them. */
async function setUp() {
  const streams = uniqueUsageStreams();
  const durable = `usage_${randomUUID().slice(0, 8)}`;
  const publisher = await connect('usage-test-publisher');
  cleanups.push(() => deleteNatsStreams(natsUrl, [streams.usage.name, streams.deadLetter.name]));
  const teamId = randomUUID();
  const startReplica = async (overrides: Partial<UsageConsumerOptions> = {}) => {
    const bus = await connect('usage-test-consumer');
    const metrics = createUsageConsumerMetrics(new Registry());
    const consumer = await startUsageConsumer({
      bus,
      db: accounting.database.db,
      logger,
      metrics,
      streams,
      durable,
      batchSize: 100,
      maxWaitMs: 1_000,
      ackWaitMs: 5_000,
      retryDelayMs: { initialMs: 100, maxMs: 500 },
      ...overrides,
    });
    cleanups.push(() => consumer.stop());
    await consumer.ready;
    return { consumer, metrics };
  };
  const publish = async (event: UsageEventV1 | string, msgId?: string) => {
    const body = typeof event === 'string' ? event : JSON.stringify(event);
    const id = msgId ?? (typeof event === 'string' ? undefined : event.request_id);
    await publisher.publish(streams.subject('2xx'), encoder.encode(body), {
      ...(id === undefined ? {} : { msgId: id }),
    });
  };
  const event = (overrides: Partial<UsageEventV1> = {}) =>
    makeUsageEvent({ team_id: teamId, ...overrides });
  const rows = () =>
    accounting.database.db
      .selectFrom('accounting.usage_events')
      .selectAll()
      .where('team_id', '=', teamId)
      .orderBy('request_id')
      .execute();
  const rollups = () =>
    accounting.database.db
      .selectFrom('accounting.usage_daily')
      .selectAll()
      .where('team_id', '=', teamId)
      .execute();
  const deadLetters = async (expected: number): Promise<BusMessage[]> => {
    const received: BusMessage[] = [];
    const consumer = publisher.consume(
      {
        stream: streams.deadLetter.name,
        durable: `dl_${randomUUID().slice(0, 8)}`,
        batchSize: 10,
        maxWaitMs: 1_000,
        ackWaitMs: 10_000,
        maxDeliver: -1,
      },
      async (batch) => {
        for (const message of batch) {
          received.push(message);
          message.ack();
        }
      },
    );
    await vi.waitFor(() => expect(received.length).toBeGreaterThanOrEqual(expected), settle);
    await consumer.stop();
    return received;
  };
  /** Events as one usage batch v1, as the gateway publishes them, under a message id of its own. */
  const publishBatch = async (events: unknown[], headers: Array<Record<string, string>>) => {
    await publisher.publish(
      streams.subject('batch'),
      encoder.encode(JSON.stringify({ version: 1, events, headers })),
      { msgId: `batch-${randomUUID()}` },
    );
  };
  return {
    streams,
    teamId,
    startReplica,
    publish,
    publishBatch,
    event,
    rows,
    rollups,
    deadLetters,
  };
}

describe('startUsageConsumer on NATS and Postgres', () => {
  it('stores each event once with its rollup, however often it is delivered', async () => {
    const test = await setUp();
    const { metrics } = await test.startReplica();
    const first = test.event({ cost_usd: '0.000000000000000001', ttft_ms: 300 });
    const second = test.event({ status: 502, error_code: 'upstream_error', cost_usd: null });
    await test.publish(first);
    await test.publish(first); // same msgId: the stream keeps one
    await test.publish(second);
    await test.publish(second, `redelivered-${second.request_id}`); // a copy past the window
    await vi.waitFor(async () => expect(await total(metrics.consumed)).toBe(3), settle);

    const rows = await test.rows();
    expect(rows.map((row) => row.request_id).sort()).toEqual(
      [first.request_id, second.request_id].sort(),
    );
    const stored = rows.find((row) => row.request_id === first.request_id);
    expect(stored).toMatchObject({
      cost_usd: '0.000000000000000001',
      prompt_tokens: '100',
      status: 200,
      ttft_ms: 300,
      extra: {},
    });
    expect(stored?.finished_at).toEqual(new Date(first.finished_at));
    expect(await total(metrics.inserted)).toBe(2);

    const [rollup, ...others] = await test.rollups();
    expect(others).toEqual([]);
    expect(rollup).toMatchObject({
      day: expect.anything(),
      model: 'openai/gpt-4o-mini',
      provider: 'openai',
      requests: '2',
      errors: '1',
      prompt_tokens: '200',
      completion_tokens: '40',
      cost_usd: '0.000000000000000001',
      latency_ms_total: '2500',
      ttft_ms_total: '300',
      ttft_count: '1',
    });
  });

  it('dead-letters what is not usage event v1 at once, and the rest of the batch flows', async () => {
    const test = await setUp();
    const { metrics } = await test.startReplica();
    const good = [test.event(), test.event()];
    await test.publish(good[0] as UsageEventV1);
    await test.publish('{not json', 'poison-1');
    await test.publish(JSON.stringify({ ...good[1], version: 2 }), 'poison-2');
    await test.publish(good[1] as UsageEventV1);
    await vi.waitFor(async () => expect(await total(metrics.consumed)).toBe(2), settle);
    expect((await test.rows()).length).toBe(2);

    const dead = (await test.deadLetters(2)).sort((a, b) =>
      String(a.msgId).localeCompare(String(b.msgId)),
    );
    expect(
      dead.map((message) => [message.msgId, message.headers[DEAD_LETTER_HEADERS.reason]]),
    ).toEqual([
      ['poison-1', 'unparseable'],
      ['poison-2', 'invalid'],
    ]);
    expect(decoder.decode(dead[0]?.data)).toBe('{not json');
    expect(dead[1]?.headers[DEAD_LETTER_HEADERS.detail]).toMatch(/^version: /);
    expect(dead[1]?.headers[DEAD_LETTER_HEADERS.subject]).toBe(test.streams.subject('2xx'));
    expect(dead[0]?.headers[DEAD_LETTER_HEADERS.deliveries]).toBe('1');
    expect((await metrics.deadLettered.get()).values).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ labels: { reason: 'unparseable' }, value: 1 }),
        expect.objectContaining({ labels: { reason: 'invalid' }, value: 1 }),
      ]),
    );
  });

  it('holds back only the row the database refuses, and dead-letters it on its last delivery', async () => {
    const test = await setUp();
    const { metrics } = await test.startReplica({ maxDeliver: 2 });
    // Valid v1, but latency_ms does not fit the integer column.
    const refused = test.event({ latency_ms: 3_000_000_000 });
    const fine = [test.event(), test.event()];
    await test.publish(fine[0] as UsageEventV1);
    await test.publish(refused);
    await test.publish(fine[1] as UsageEventV1);
    const dead = await test.deadLetters(1);
    expect(dead.map((message) => message.msgId)).toEqual([refused.request_id]);
    expect(dead[0]?.headers[DEAD_LETTER_HEADERS.reason]).toBe('insert_failed');
    expect(dead[0]?.headers[DEAD_LETTER_HEADERS.deliveries]).toBe('2');
    const ids = (await test.rows()).map((row) => row.request_id).sort();
    expect(ids).toEqual(fine.map((event) => event.request_id).sort());
    expect(await total(metrics.insertFailures)).toBeGreaterThanOrEqual(2);
  });

  it('writes the events of a usage batch, dead-letters an invalid or refused one alone, and acks the batch once all are done', async () => {
    const test = await setUp();
    const { metrics } = await test.startReplica({ maxDeliver: 2 });
    const fine = [test.event(), test.event()];
    const invalid = { ...test.event(), version: 2 };
    // Valid v1, but latency_ms does not fit the integer column.
    const refused = test.event({ latency_ms: 3_000_000_000 });
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await test.publishBatch([fine[0], invalid, refused, fine[1]], [{ traceparent }, {}, {}, {}]);

    const dead = (await test.deadLetters(2)).sort((a, b) =>
      String(a.headers[DEAD_LETTER_HEADERS.reason]).localeCompare(
        String(b.headers[DEAD_LETTER_HEADERS.reason]),
      ),
    );
    // Each goes alone, as its own event under its request id: stored once though the batch
    // came twice (the refused row held it back on its first delivery).
    expect(
      dead.map((message) => [
        message.msgId,
        message.headers[DEAD_LETTER_HEADERS.reason],
        message.headers[DEAD_LETTER_HEADERS.subject],
      ]),
    ).toEqual([
      [refused.request_id, 'insert_failed', test.streams.subject('batch')],
      [invalid.request_id, 'invalid', test.streams.subject('batch')],
    ]);
    expect(JSON.parse(decoder.decode(dead[0]?.data))).toEqual(refused);
    expect(JSON.parse(decoder.decode(dead[1]?.data))).toEqual(invalid);
    expect(dead[0]?.headers[DEAD_LETTER_HEADERS.deliveries]).toBe('2');
    expect(dead[1]?.headers[DEAD_LETTER_HEADERS.detail]).toMatch(/^events\.1\.version: /);
    const ids = (await test.rows()).map((row) => row.request_id).sort();
    expect(ids).toEqual(fine.map((event) => event.request_id).sort());
    // Both good events written on each of the two deliveries (the second time as no-ops).
    await vi.waitFor(async () => expect(await total(metrics.consumed)).toBe(4), settle);
  });

  it('acks only after commit: a write that fails is redelivered and lands once the database is back', async () => {
    const test = await setUp();
    const { metrics } = await test.startReplica();
    const db = accounting.database.db;
    await sql`alter table accounting.usage_events rename to usage_events_away`.execute(db);
    let renamed = true;
    cleanups.push(async () => {
      if (renamed)
        await sql`alter table accounting.usage_events_away rename to usage_events`.execute(db);
    });
    const events = Array.from({ length: 20 }, () => test.event());
    for (const event of events) await test.publish(event);
    await vi.waitFor(
      async () => expect(await total(metrics.insertFailures)).toBeGreaterThanOrEqual(2),
      settle,
    );
    expect(await total(metrics.consumed)).toBe(0);

    await sql`alter table accounting.usage_events_away rename to usage_events`.execute(db);
    renamed = false;
    // Rows are visible once committed, a moment before their batch is counted as consumed.
    await vi.waitFor(async () => {
      expect((await test.rows()).length).toBe(20);
      expect(await total(metrics.consumed)).toBe(20);
    }, settle);
    expect((await metrics.deadLettered.get()).values.every((value) => value.value === 0)).toBe(
      true,
    );
    const [rollup] = await test.rollups();
    expect(rollup?.requests).toBe('20');
  });

  it('shares the durable between replicas: 500 events, exactly 500 rows', async () => {
    const test = await setUp();
    const replicas = [
      await test.startReplica({ batchSize: 50 }),
      await test.startReplica({ batchSize: 50 }),
    ];
    const events = Array.from({ length: 500 }, () => test.event());
    await Promise.all(events.map((event) => test.publish(event)));
    // Rows are visible once committed, a moment before their batch is counted as consumed.
    await vi.waitFor(async () => {
      expect((await test.rows()).length).toBe(500);
      const consumed = await Promise.all(replicas.map(({ metrics }) => total(metrics.consumed)));
      expect(consumed.reduce((sum, count) => sum + count, 0)).toBe(500);
    }, settle);
    const inserted = await Promise.all(replicas.map(({ metrics }) => total(metrics.inserted)));
    expect(inserted.reduce((sum, count) => sum + count, 0)).toBe(500);
    const rollups = await test.rollups();
    expect(rollups.map((rollup) => rollup.requests)).toEqual(['500']);
  });

  it('loses nothing when a consumer stops mid-load and another takes over', async () => {
    const test = await setUp();
    const first = await test.startReplica({ batchSize: 20, concurrency: 1 });
    const events = Array.from({ length: 300 }, () => test.event());
    await Promise.all(events.slice(0, 150).map((event) => test.publish(event)));
    await vi.waitFor(
      async () => expect(await total(first.metrics.consumed)).toBeGreaterThan(0),
      settle,
    );
    await first.consumer.stop();
    // Published while no consumer runs: only the replica taking over can write these.
    await Promise.all(events.slice(150).map((event) => test.publish(event)));
    expect((await test.rows()).length).toBeLessThan(300);
    await test.startReplica({ batchSize: 100 });
    await vi.waitFor(async () => expect((await test.rows()).length).toBe(300), settle);
    const [rollup] = await test.rollups();
    expect(rollup?.requests).toBe('300');
  });
});
