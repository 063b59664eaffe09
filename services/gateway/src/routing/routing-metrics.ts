import { CachedCounter } from '@switchyard/telemetry';
import { Gauge, type Registry } from 'prom-client';
import type { CircuitState } from './circuit-breaker.js';

/** What routing reports: each upstream attempt's outcome, fallbacks taken, circuit states. */
export interface RoutingMetrics {
  attempt(provider: string, outcome: string): void;
  fallback(model: string): void;
  circuit(route: string, state: CircuitState): void;
}

/** Routing metrics on a Prometheus registry (labels: provider, route and model ids only). */
export function createRoutingMetrics(registry: Registry): RoutingMetrics {
  const attempts = new CachedCounter({
    name: 'switchyard_upstream_attempts_total',
    help: 'Upstream calls by provider and outcome (ok, or the error code that ended the attempt).',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });
  const fallbacks = new CachedCounter({
    name: 'switchyard_fallbacks_total',
    help: 'Requests served by a route or model other than their first choice.',
    labelNames: ['model'] as const,
    registers: [registry],
  });
  const circuits = new Gauge({
    name: 'switchyard_circuit_open',
    help: 'Whether a route’s circuit breaker is open (1) or closed (0).',
    labelNames: ['route'] as const,
    registers: [registry],
  });
  return {
    attempt: (provider, outcome) => attempts.labels(provider, outcome).inc(),
    fallback: (model) => fallbacks.labels(model).inc(),
    circuit: (route, state) => circuits.set({ route }, state === 'closed' ? 0 : 1),
  };
}
