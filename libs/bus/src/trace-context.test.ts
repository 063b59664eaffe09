import { propagation, ROOT_CONTEXT, type SpanContext, TraceFlags, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractTraceContext, injectTraceContext } from './trace-context.js';

const spanContext: SpanContext = {
  traceId: '0af7651916cd43dd8448eb211c80319c',
  spanId: 'b7ad6b7169203331',
  traceFlags: TraceFlags.SAMPLED,
};

describe('trace context in message headers', () => {
  beforeAll(() => {
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  });
  afterAll(() => {
    propagation.disable();
  });

  it('writes a W3C traceparent and reads it back', () => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    injectTraceContext(headers, trace.setSpanContext(ROOT_CONTEXT, spanContext));
    expect(headers.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');

    const extracted = trace.getSpanContext(extractTraceContext(headers));
    expect(extracted).toMatchObject({ ...spanContext, isRemote: true });
  });

  it('reads no span from headers without one', () => {
    expect(trace.getSpanContext(extractTraceContext({}))).toBeUndefined();
  });
});
