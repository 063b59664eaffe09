import { propagation, type TextMapPropagator, trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { isTracingOn, NO_SPAN } from './tracing-on.js';

afterEach(() => {
  trace.disable();
  propagation.disable();
});

describe('isTracingOn', () => {
  it('is off until a tracer provider is registered, and on after', () => {
    expect(isTracingOn()).toBe(false);
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    expect(isTracingOn()).toBe(true);
    trace.disable();
    expect(isTracingOn()).toBe(false);
  });

  it('is on with a propagator alone: the caller’s trace context is still passed on', () => {
    const propagator: TextMapPropagator = {
      inject: () => undefined,
      extract: (context) => context,
      fields: () => ['traceparent'],
    };
    propagation.setGlobalPropagator(propagator);
    expect(isTracingOn()).toBe(true);
  });

  it('shares a span that records nothing and carries no trace', () => {
    expect(NO_SPAN.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(NO_SPAN.spanContext())).toBe(false);
  });
});
