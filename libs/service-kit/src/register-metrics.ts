import type { ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { clientRequestIdOf } from './client-request-id-of.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Labels a route learns while handling (the resolved model and provider). */
    metricLabels: { model: string; provider: string };
    /** Whether the request's metrics and log line were recorded (by onResponse or 'close'). */
    metricsRecorded: boolean;
  }
}

const UNOBSERVED_ROUTES = new Set(['/metrics', '/livez', '/readyz']);
/** nginx's status for a client that closed the connection before the response ended. */
const CLIENT_CLOSED = 499;

/**
 * Serves `/metrics` and records every request's count and duration once it has been sent
 * (for streams: when the last byte left), with one structured log line per request. fastify's
 * onResponse does not run for a stream the client abandoned, so the socket's 'close' records
 * those, as 499; whichever comes first records, once.
 */
export function registerMetrics(app: FastifyInstance, metrics: ServiceMetrics): void {
  const record = (request: FastifyRequest, reply: FastifyReply, status: number) => {
    // A field of the request (declared, so every request has it): not a WeakSet, whose entries
    // cost more to add and look up than the request costs to route.
    if (request.metricsRecorded) return;
    request.metricsRecorded = true;
    const route = request.routeOptions.url ?? 'unmatched';
    if (UNOBSERVED_ROUTES.has(route)) return;
    const { model, provider } = request.metricLabels;
    const statusLabel = String(status);
    metrics.http.requests.labels(route, request.method, statusLabel, model, provider).inc();
    metrics.http.duration
      .labels(route, request.method, statusLabel, model, provider)
      .observe(reply.elapsedTime / 1000);
    request.log.info(
      {
        status,
        route,
        model: model || undefined,
        provider: provider || undefined,
        ms: Math.round(reply.elapsedTime * 100) / 100,
        // The caller's own id, so its logs join up with ours.
        clientRequestId: clientRequestIdOf(request.headers),
      },
      'request completed',
    );
  };
  app.decorateRequest('metricLabels', null as unknown as { model: string; provider: string });
  app.decorateRequest('metricsRecorded', false);
  app.addHook('onRequest', (request, reply, done) => {
    request.metricLabels = { model: '', provider: '' };
    reply.raw.once('close', () => {
      record(request, reply, reply.raw.writableFinished ? reply.statusCode : CLIENT_CLOSED);
    });
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    record(request, reply, reply.statusCode);
    done();
  });
  app.get('/metrics', async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
