import type { ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import type { Readiness } from './register-health.js';

/**
 * A built service, not listening: its fastify app, readiness and metrics. Standalone mounts the
 * other services on the gateway's, so each `start<Service>` takes one or builds its own.
 */
export interface ServiceApp {
  app: FastifyInstance;
  readiness: Readiness;
  metrics: ServiceMetrics;
}
