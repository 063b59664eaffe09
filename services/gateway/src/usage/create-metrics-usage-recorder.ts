import { CachedCounter } from '@switchyard/telemetry';
import type { Registry } from 'prom-client';
import type { UsageRecorder } from './usage-recorder.js';

/**
 * Records outcomes as Prometheus counters (tokens and cost by model and provider) and a debug
 * log line. The usage pipeline of issue #5 replaces it with a recorder that publishes events.
 */
export function createMetricsUsageRecorder(registry: Registry): UsageRecorder {
  const tokens = new CachedCounter({
    name: 'switchyard_tokens_total',
    help: 'Tokens processed, by model, provider and direction (prompt, completion, cached, reasoning).',
    labelNames: ['model', 'provider', 'direction'] as const,
    registers: [registry],
  });
  const cost = new CachedCounter({
    name: 'switchyard_cost_usd_total',
    help: 'Cost of requests in USD at catalog prices, by model and provider (the ledger is exact; this is for dashboards).',
    labelNames: ['model', 'provider'] as const,
    registers: [registry],
  });
  const missingUsage = new CachedCounter({
    name: 'switchyard_usage_missing_total',
    help: 'Successful requests whose provider reported no usage (their tokens were estimated with a tokenizer).',
    labelNames: ['model', 'provider'] as const,
    registers: [registry],
  });
  return {
    record(outcome) {
      const { model, provider, usage } = outcome;
      if (outcome.usageSource === 'estimated') missingUsage.labels(model, provider).inc();
      if (usage === undefined) return;
      tokens.labels(model, provider, 'prompt').inc(usage.promptTokens);
      tokens.labels(model, provider, 'completion').inc(usage.completionTokens);
      if (usage.cachedTokens > 0) tokens.labels(model, provider, 'cached').inc(usage.cachedTokens);
      if (usage.reasoningTokens > 0)
        tokens.labels(model, provider, 'reasoning').inc(usage.reasoningTokens);
      if (outcome.cost !== undefined) cost.labels(model, provider).inc(Number(outcome.cost));
    },
  };
}
