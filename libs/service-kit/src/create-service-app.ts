import { loggerOptions, type ServiceMetrics } from '@switchyard/telemetry';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { clientRequestIdOf } from './client-request-id-of.js';
import { newRequestId } from './new-request-id.js';
import { registerErrorHandler } from './register-error-handler.js';
import { type Readiness, registerHealth } from './register-health.js';
import { registerMetrics } from './register-metrics.js';
import { registerTracing } from './register-tracing.js';

export interface ServiceAppOptions {
  name: string;
  logLevel: string;
  bodyLimitBytes: number;
  metrics: ServiceMetrics;
  readiness: Readiness;
  /** A ready-made logger (tests pass one writing to memory); else one is built from `logLevel`. */
  logger?: Logger;
}

/**
 * A fastify instance with what every Switchyard service shares: redacted pino logs, request ids
 * (the service's own in `x-switchyard-request-id`; `x-request-id` echoes the caller's, else the
 * service's), a server span per request, the OpenAI error body for every error, `/livez`, `/readyz` and
 * `/metrics`. It does not listen.
 */
export function createServiceApp(options: ServiceAppOptions): FastifyInstance {
  const logging = options.logger
    ? { loggerInstance: options.logger }
    : { logger: loggerOptions({ level: options.logLevel, name: options.name }) };
  const app = Fastify({
    ...logging,
    bodyLimit: options.bodyLimitBytes,
    genReqId: newRequestId,
    // One line per request, written by the metrics hook, instead of fastify's two.
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: true,
    }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  }) as unknown as FastifyInstance;
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', clientRequestIdOf(request.headers) ?? request.id);
    reply.header('x-switchyard-request-id', request.id);
  });
  registerTracing(app, options.name);
  registerErrorHandler(app, { bodyLimitBytes: options.bodyLimitBytes });
  registerHealth(app, options.readiness);
  registerMetrics(app, options.metrics);
  return app;
}
