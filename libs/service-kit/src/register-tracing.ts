import {
  type Context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { isTracingOn, NO_SPAN } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import { clientRequestIdOf } from './client-request-id-of.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The server span of this request; parent of every span the request causes. */
    span: Span;
    /** The context holding `span`, for starting child spans. */
    traceContext: Context;
  }
}

/**
 * A server span per request, continuing the caller's `traceparent`, named after the route and
 * ended when the response has been sent (for streams: when the stream ends). With no
 * OpenTelemetry SDK started (`isTracingOn`) every request shares {@link NO_SPAN} under the root
 * context: no span, attributes, context copy or listener per request.
 */
export function registerTracing(app: FastifyInstance, serviceName: string): void {
  const tracer = trace.getTracer(serviceName);
  app.decorateRequest('span', null as unknown as Span);
  app.decorateRequest('traceContext', null as unknown as Context);
  app.addHook('onRequest', (request, reply, done) => {
    if (!isTracingOn()) {
      request.span = NO_SPAN;
      request.traceContext = ROOT_CONTEXT;
      done();
      return;
    }
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url ?? 'unmatched';
    request.span = tracer.startSpan(
      `${request.method} ${route}`,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'http.route': route,
          'switchyard.request_id': request.id,
          'switchyard.client_request_id': clientRequestIdOf(request.headers),
        },
      },
      parent,
    );
    request.traceContext = trace.setSpan(parent, request.span);
    // Also ended on 'close': for a stream the client abandoned, onResponse never runs.
    reply.raw.once('close', () => {
      endSpan(request.span, reply.raw.writableFinished ? reply.statusCode : 499);
    });
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    endSpan(request.span, reply.statusCode);
    done();
  });
}

function endSpan(span: Span, status: number): void {
  if (!span.isRecording()) return;
  span.setAttribute('http.response.status_code', status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
