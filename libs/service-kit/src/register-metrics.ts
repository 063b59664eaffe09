import type { ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** Labels a route learns while handling (the resolved model and provider). */
    metricLabels: { model: string; provider: string };
  }
}

const UNOBSERVED_ROUTES = new Set(['/metrics', '/livez', '/readyz']);

/**
 * Serves `/metrics` and records every request's count and duration once it has been sent
 * (for streams: when the last byte left), with one structured log line per request.
 */
export function registerMetrics(app: FastifyInstance, metrics: ServiceMetrics): void {
  app.decorateRequest('metricLabels', null as unknown as { model: string; provider: string });
  app.addHook('onRequest', async (request) => {
    request.metricLabels = { model: '', provider: '' };
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (UNOBSERVED_ROUTES.has(route)) return;
    const labels = {
      route,
      method: request.method,
      status: String(reply.statusCode),
      model: request.metricLabels.model,
      provider: request.metricLabels.provider,
    };
    const seconds = reply.elapsedTime / 1000;
    metrics.http.requests.inc(labels);
    metrics.http.duration.observe(labels, seconds);
    request.log.info(
      {
        status: reply.statusCode,
        route,
        model: labels.model || undefined,
        provider: labels.provider || undefined,
        ms: Math.round(reply.elapsedTime * 100) / 100,
      },
      'request completed',
    );
  });
  app.get('/metrics', async (_request, reply) => {
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(body);
  });
}
