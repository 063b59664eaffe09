import { trace } from '@opentelemetry/api';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { isTracingOn, NO_SPAN } from './tracing-on.js';

afterEach(() => {
  trace.disable();
});

describe('isTracingOn', () => {
  it('is off until a tracer provider is registered, and on after', () => {
    expect(isTracingOn()).toBe(false);
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    expect(isTracingOn()).toBe(true);
    trace.disable();
    expect(isTracingOn()).toBe(false);
  });

  it('shares a span that records nothing and carries no trace', () => {
    expect(NO_SPAN.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(NO_SPAN.spanContext())).toBe(false);
  });
});
