import { propagation, ROOT_CONTEXT, type SpanContext, TraceFlags, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { type BusMessage, injectTraceContext, type PublishOptions } from '@switchyard/bus';
import { LOGGED_BODY_MAX_CHARS, type UsageEventV1 } from '@switchyard/contracts';
import { DEFAULT_ORGANIZATION_ID } from '@switchyard/db';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
import { DEAD_LETTER_HEADERS } from './dead-letter-usage-message.js';
import { handleUsageBatch } from './handle-usage-batch.js';
import { createUsageConsumerMetrics } from './usage-consumer-metrics.js';

const exporter = new InMemorySpanExporter();
const encoder = new TextEncoder();
let accounting: TestAccounting;

beforeAll(async () => {
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
  accounting = await startAccountingForTest();
});

afterAll(async () => {
  trace.disable();
  propagation.disable();
  await accounting?.stop();
});

/** A delivery as the bus hands it over, recording how it was settled. */
function delivery(data: Uint8Array, headers: Record<string, string>) {
  const settled: string[] = [];
  const message: BusMessage = {
    subject: 'usage.v1.2xx',
    data,
    headers,
    msgId: undefined,
    deliveryCount: 1,
    maxDeliver: 5,
    ack: () => settled.push('ack'),
    nak: () => settled.push('nak'),
    term: () => settled.push('term'),
  };
  return { message, settled };
}

function requestSpan(spanId: string): { headers: Record<string, string>; context: SpanContext } {
  const context: SpanContext = {
    traceId: `${spanId}${spanId}`,
    spanId,
    traceFlags: TraceFlags.SAMPLED,
  };
  const headers: Record<string, string> = {};
  injectTraceContext(headers, trace.setSpanContext(ROOT_CONTEXT, context));
  return { headers, context };
}

const context = () => ({
  bus: { publish: async () => ({ stream: 'X', sequence: 1, duplicate: false }) },
  db: accounting.database.db,
  logger: pino({ level: 'silent' }),
  metrics: createUsageConsumerMetrics(new Registry()),
  deadLetterSubject: 'usage.deadletter.v1',
  retryDelayMs: { initialMs: 10, maxMs: 10 },
});

describe('handleUsageBatch tracing', () => {
  it('continues the request trace for a batch of one, and links every request in a larger one', async () => {
    exporter.reset();
    const one = requestSpan('1111111111111111');
    const single = delivery(encoder.encode(JSON.stringify(makeUsageEvent())), one.headers);
    await handleUsageBatch(context(), [single.message]);
    expect(single.settled).toEqual(['ack']);
    const [write] = exporter.getFinishedSpans();
    expect(write?.name).toBe('usage.write');
    expect(write?.spanContext().traceId).toBe(one.context.traceId);
    expect(write?.parentSpanContext?.spanId).toBe(one.context.spanId);

    exporter.reset();
    const requests = [requestSpan('2222222222222222'), requestSpan('3333333333333333')];
    const batch = requests.map((request) =>
      delivery(encoder.encode(JSON.stringify(makeUsageEvent())), request.headers),
    );
    await handleUsageBatch(
      context(),
      batch.map((item) => item.message),
    );
    expect(batch.map((item) => item.settled)).toEqual([['ack'], ['ack']]);
    const [batchWrite] = exporter.getFinishedSpans();
    expect(batchWrite?.links.map((link) => link.context.spanId)).toEqual([
      '2222222222222222',
      '3333333333333333',
    ]);
    expect(batchWrite?.attributes['messaging.batch.message_count']).toBe(2);
  });

  it('links every request of a usage batch v1 by the trace context beside its event, and acks it once', async () => {
    exporter.reset();
    const requests = [requestSpan('4444444444444444'), requestSpan('5555555555555555')];
    const events = [makeUsageEvent(), makeUsageEvent()];
    const batch = delivery(
      encoder.encode(
        JSON.stringify({
          version: 1,
          events,
          headers: requests.map((request) => request.headers),
        }),
      ),
      {},
    );
    await handleUsageBatch(context(), [batch.message]);
    expect(batch.settled).toEqual(['ack']);
    const [write] = exporter.getFinishedSpans();
    expect(write?.links.map((link) => link.context.spanId)).toEqual([
      '4444444444444444',
      '5555555555555555',
    ]);
    expect(write?.attributes).toMatchObject({
      'messaging.batch.message_count': 1,
      'switchyard.usage.event_count': 2,
    });
    const stored = await accounting.database.db
      .selectFrom('accounting.usage_events')
      .select('request_id')
      .where(
        'request_id',
        'in',
        events.map((event) => event.request_id),
      )
      .execute();
    expect(stored).toHaveLength(2);
  });
});

describe('handleUsageBatch and usage batches', () => {
  /** A usage batch v1 delivered for the `deliveryCount`-th of 5 times, with a recording bus. */
  function batchDelivery(events: unknown[], deliveryCount: number) {
    const data = encoder.encode(JSON.stringify({ version: 1, events, headers: [] }));
    const { message, settled } = delivery(data, {});
    const deadLetters: string[] = [];
    const testContext = {
      ...context(),
      bus: {
        publish: async (_subject: string, _data: Uint8Array, options?: PublishOptions) => {
          deadLetters.push(
            `${options?.msgId} ${options?.headers?.[DEAD_LETTER_HEADERS.reason] ?? ''}`,
          );
          return { stream: 'X', sequence: 1, duplicate: false };
        },
      },
    };
    return {
      message: { ...message, subject: 'usage.v1.batch', deliveryCount },
      settled,
      deadLetters,
      context: testContext,
    };
  }
  const storedOf = async (requestIds: string[]) =>
    (
      await accounting.database.db
        .selectFrom('accounting.usage_events')
        .select('request_id')
        .where('request_id', 'in', requestIds)
        .execute()
    ).map((row) => row.request_id);

  it('holds a batch back whole while one event is refused, dead-lettering nothing until its last delivery', async () => {
    const fine = makeUsageEvent();
    const invalid = { ...makeUsageEvent(), cost_usd: -1 };
    // Valid v1, but latency_ms does not fit the integer column.
    const refused = makeUsageEvent({ latency_ms: 3_000_000_000 });
    const events = [fine, invalid, refused];

    const first = batchDelivery(events, 1);
    await handleUsageBatch(first.context, [first.message]);
    expect(first.settled).toEqual(['nak']);
    expect(first.deadLetters).toEqual([]);
    expect(await storedOf([fine.request_id, refused.request_id])).toEqual([fine.request_id]);

    const last = batchDelivery(events, 5);
    await handleUsageBatch(last.context, [last.message]);
    expect(last.settled).toEqual(['ack']);
    expect(last.deadLetters.sort()).toEqual(
      [`${invalid.request_id} invalid`, `${refused.request_id} insert_failed`].sort(),
    );
  });

  it('acks a batch whose events are all written or dead-lettered, on its first delivery', async () => {
    const fine = makeUsageEvent();
    const invalid = { ...makeUsageEvent(), version: 2 };
    const only = batchDelivery([fine, invalid], 1);
    await handleUsageBatch(only.context, [only.message]);
    expect(only.settled).toEqual(['ack']);
    expect(only.deadLetters).toEqual([`${invalid.request_id} invalid`]);
    expect(await storedOf([fine.request_id])).toEqual([fine.request_id]);

    const allInvalid = batchDelivery([invalid, { version: 1 }], 1);
    await handleUsageBatch(allInvalid.context, [allInvalid.message]);
    expect(allInvalid.settled).toEqual(['ack']);
    expect(allInvalid.deadLetters).toEqual([`${invalid.request_id} invalid`, 'undefined invalid']);
  });
});

describe('handleUsageBatch request log', () => {
  const encode = (event: UsageEventV1) => encoder.encode(JSON.stringify(event));
  const bodiesOf = (requestIds: string[]) =>
    accounting.database.db
      .selectFrom('accounting.request_bodies')
      .selectAll()
      .where('request_id', 'in', requestIds)
      .orderBy('request_id')
      .execute();

  it('stores error messages and bodies, one body row however often an event is delivered', async () => {
    const logged = makeUsageEvent({
      status: 400,
      error_code: 'invalid_request',
      error_message: 'messages: expected at least 1',
      bodies: {
        request: '{"messages":[]}',
        request_truncated: false,
        response: null,
        response_truncated: false,
      },
    });
    const plain = makeUsageEvent();
    // The same event twice in one batch, and again in the next batch.
    const first = [logged, plain, logged].map((event) => delivery(encode(event), {}));
    await handleUsageBatch(
      context(),
      first.map((item) => item.message),
    );
    const again = delivery(encode(logged), {});
    await handleUsageBatch(context(), [again.message]);
    expect([...first, again].map((item) => item.settled)).toEqual([
      ['ack'],
      ['ack'],
      ['ack'],
      ['ack'],
    ]);
    const rows = await accounting.database.db
      .selectFrom('accounting.usage_events')
      .select(['request_id', 'error_message', 'extra'])
      .where('request_id', 'in', [logged.request_id, plain.request_id])
      .orderBy('request_id')
      .execute();
    expect(rows).toEqual(
      [
        {
          request_id: logged.request_id,
          error_message: 'messages: expected at least 1',
          extra: {},
        },
        { request_id: plain.request_id, error_message: null, extra: {} },
      ].sort((a, b) => (a.request_id < b.request_id ? -1 : 1)),
    );
    expect(await bodiesOf([logged.request_id, plain.request_id])).toMatchObject([
      { request_id: logged.request_id, request_body: '{"messages":[]}', response_body: null },
    ]);
  });

  it('writes a batch of large bodies in several statements, every message acked once stored', async () => {
    const big = 'x'.repeat(LOGGED_BODY_MAX_CHARS);
    // 40 × 2 bodies at the cap: 20 MiB, more than one statement may carry.
    const events = Array.from({ length: 40 }, () =>
      makeUsageEvent({
        bodies: { request: big, request_truncated: true, response: big, response_truncated: true },
      }),
    );
    const batch = events.map((event) => delivery(encode(event), {}));
    let statements = 0;
    const db = accounting.database.db.withPlugin({
      transformQuery: ({ node }) => {
        statements += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    await handleUsageBatch(
      { ...context(), db },
      batch.map((item) => item.message),
    );
    expect(statements).toBe(2);
    expect(batch.every((item) => item.settled.join() === 'ack')).toBe(true);
    const stored = await accounting.database.db
      .selectFrom('accounting.request_bodies')
      .select((eb) => [
        eb.fn.countAll<string>().as('rows'),
        eb.fn.sum<string>(eb.fn('length', ['request_body'])).as('chars'),
      ])
      .where(
        'request_id',
        'in',
        events.map((event) => event.request_id),
      )
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ rows: '40', chars: String(40 * LOGGED_BODY_MAX_CHARS) });
  });
});

describe('handleUsageBatch and the event loop', () => {
  it('lets the event loop turn after every 100 messages it parsed, and still writes them all', async () => {
    // In the standalone the gateway serves requests on the same loop: a batch of 500 parsed in
    // one go held it for ~10 ms.
    let read = 0;
    const requestIds: string[] = [];
    const batch = Array.from({ length: 250 }, () => {
      const event = makeUsageEvent();
      requestIds.push(event.request_id);
      const { message, settled } = delivery(encoder.encode(JSON.stringify(event)), {});
      const data = message.data;
      return {
        settled,
        message: {
          ...message,
          get data() {
            read += 1;
            return data;
          },
        },
      };
    });
    const readAtTurns: number[] = [];
    const watch = () => {
      if (read >= batch.length) return;
      readAtTurns.push(read);
      setImmediate(watch);
    };
    setImmediate(watch);
    await handleUsageBatch(
      context(),
      batch.map((item) => item.message),
    );
    // The watcher first ran when the parse paused at 100 (the handler starts synchronously),
    // then at 200; without the pauses it would first run with all 250 read, and see nothing.
    expect(readAtTurns).toEqual([100, 200]);
    expect(batch.every((item) => item.settled.join() === 'ack')).toBe(true);
    const stored = await accounting.database.db
      .selectFrom('accounting.usage_events')
      .select((eb) => eb.fn.countAll<string>().as('rows'))
      .where('request_id', 'in', requestIds)
      .executeTakeFirstOrThrow();
    expect(stored.rows).toBe('250');
  });
});

describe('handleUsageBatch keys', () => {
  it('moves each key’s last_used_at to its newest request, never back', async () => {
    const { db } = accounting.database;
    const team = await db
      .insertInto('accounting.teams')
      .values({ organization_id: DEFAULT_ORGANIZATION_ID, name: `last-used-${Date.now()}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const key = await db
      .insertInto('accounting.api_keys')
      .values({
        team_id: team.id,
        name: 'k',
        key_prefix: 'sk-sy-test',
        key_hash: new Uint8Array(32).fill(7),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const at = (iso: string) =>
      makeUsageEvent({ key_id: key.id, team_id: team.id, finished_at: iso, started_at: iso });
    const handle = (events: UsageEventV1[]) =>
      handleUsageBatch(
        context(),
        events.map((event) => delivery(encoder.encode(JSON.stringify(event)), {}).message),
      );
    const lastUsed = async () =>
      (
        await db
          .selectFrom('accounting.api_keys')
          .select('last_used_at')
          .where('id', '=', key.id)
          .executeTakeFirstOrThrow()
      ).last_used_at?.toISOString();
    await handle([at('2026-11-20T10:00:00.000Z'), at('2026-11-21T10:00:00.000Z')]);
    expect(await lastUsed()).toBe('2026-11-21T10:00:00.000Z');
    // An older request delivered late does not move it back.
    await handle([at('2026-11-19T10:00:00.000Z')]);
    expect(await lastUsed()).toBe('2026-11-21T10:00:00.000Z');
  });
});
