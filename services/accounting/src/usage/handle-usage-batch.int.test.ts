import { propagation, ROOT_CONTEXT, type SpanContext, TraceFlags, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { type BusMessage, injectTraceContext } from '@switchyard/bus';
import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUsageEvent } from '../testing/make-usage-event.js';
import {
  startAccountingForTest,
  type TestAccounting,
} from '../testing/start-accounting-for-test.js';
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

describe('handleUsageBatch tracing', () => {
  const context = () => ({
    bus: { publish: async () => ({ stream: 'X', sequence: 1, duplicate: false }) },
    db: accounting.database.db,
    logger: pino({ level: 'silent' }),
    metrics: createUsageConsumerMetrics(new Registry()),
    deadLetterSubject: 'usage.deadletter.v1',
    retryDelayMs: { initialMs: 10, maxMs: 10 },
  });

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
});
