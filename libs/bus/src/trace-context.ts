import { type Context, context, propagation, ROOT_CONTEXT } from '@opentelemetry/api';

/**
 * Writes the W3C trace context of `activeContext` (the current one by default) into message
 * headers through the globally registered propagator; a no-op when tracing is not set up.
 * Call it when the event is created, not when a buffer publishes it later.
 */
export function injectTraceContext(
  headers: Record<string, string>,
  activeContext: Context = context.active(),
): void {
  propagation.inject(activeContext, headers);
}

/** The trace context carried by message headers, to start a consumer span under it. */
export function extractTraceContext(headers: Record<string, string>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}
