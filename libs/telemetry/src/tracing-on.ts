import {
  INVALID_SPAN_CONTEXT,
  ProxyTracerProvider,
  propagation,
  type Span,
  trace,
} from '@opentelemetry/api';

/** What the global provider delegates to while no SDK has registered a tracer provider. */
const NO_PROVIDER = new ProxyTracerProvider().getDelegate();

/**
 * A span that records nothing and carries no trace: what every request gets while tracing is off,
 * shared, since it holds no state.
 */
export const NO_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Whether requests take part in tracing: a tracer provider is registered (`startTracing` started
 * the SDK, or a test registered one), or a propagator is (the SDK with `OTEL_TRACES_EXPORTER=none`
 * still passes the caller's `traceparent` on, upstream and into the usage event). With neither,
 * every span is a no-op and there is no context to pass on, so the hot path skips its spans,
 * their attributes and their context copies altogether. Read per request: a few property loads.
 */
export function isTracingOn(): boolean {
  const provider = trace.getTracerProvider();
  if (!(provider instanceof ProxyTracerProvider) || provider.getDelegate() !== NO_PROVIDER) {
    return true;
  }
  return propagation.fields().length > 0;
}
