import { collectDefaultMetrics, Registry } from 'prom-client';
import { CachedCounter } from './cached-counter.js';
import { CachedHistogram } from './cached-histogram.js';

/** Buckets for request durations in seconds: sub-millisecond overhead up to long generations. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300,
];

/** The HTTP metrics every service records, labelled with bounded values only. */
export interface HttpMetrics {
  requests: CachedCounter<'route' | 'method' | 'status' | 'model' | 'provider'>;
  duration: CachedHistogram<'route' | 'method' | 'status' | 'model' | 'provider'>;
}

export interface ServiceMetrics {
  registry: Registry;
  http: HttpMetrics;
}

/** A fresh registry with prom-client's process metrics and the standard HTTP metrics. */
export function createServiceMetrics(serviceName: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  collectDefaultMetrics({ register: registry });
  const labelNames = ['route', 'method', 'status', 'model', 'provider'] as const;
  const http: HttpMetrics = {
    requests: new CachedCounter({
      name: 'switchyard_http_requests_total',
      help: 'HTTP requests served, by route, method, status, model and provider.',
      labelNames,
      registers: [registry],
    }),
    duration: new CachedHistogram({
      name: 'switchyard_http_request_duration_seconds',
      help: 'HTTP request duration from arrival to the last byte sent, in seconds.',
      labelNames,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
  };
  return { registry, http };
}
