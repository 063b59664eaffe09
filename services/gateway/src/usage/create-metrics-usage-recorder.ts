import { Counter, type Registry } from 'prom-client';
import type { UsageRecorder } from './usage-recorder.js';

/**
 * Records outcomes as Prometheus counters (tokens and cost by model and provider) and a debug
 * log line. The usage pipeline of issue #5 replaces it with a recorder that publishes events.
 */
export function createMetricsUsageRecorder(registry: Registry): UsageRecorder {
  const tokens = new Counter({
    name: 'switchyard_tokens_total',
    help: 'Tokens processed, by model, provider and direction (prompt, completion, cached, reasoning).',
    labelNames: ['model', 'provider', 'direction'] as const,
    registers: [registry],
  });
  const cost = new Counter({
    name: 'switchyard_cost_usd_total',
    help: 'Cost of requests in USD at catalog prices, by model and provider (the ledger is exact; this is for dashboards).',
    labelNames: ['model', 'provider'] as const,
    registers: [registry],
  });
  const missingUsage = new Counter({
    name: 'switchyard_usage_missing_total',
    help: 'Successful requests whose provider reported no usage (their tokens were estimated with a tokenizer).',
    labelNames: ['model', 'provider'] as const,
    registers: [registry],
  });
  return {
    record(outcome) {
      const labels = { model: outcome.model, provider: outcome.provider };
      const usage = outcome.usage;
      if (outcome.usageSource === 'estimated') missingUsage.inc(labels);
      if (usage === undefined) return;
      tokens.inc({ ...labels, direction: 'prompt' }, usage.promptTokens);
      tokens.inc({ ...labels, direction: 'completion' }, usage.completionTokens);
      if (usage.cachedTokens > 0)
        tokens.inc({ ...labels, direction: 'cached' }, usage.cachedTokens);
      if (usage.reasoningTokens > 0)
        tokens.inc({ ...labels, direction: 'reasoning' }, usage.reasoningTokens);
      if (outcome.cost !== undefined) cost.inc(labels, Number(outcome.cost));
    },
  };
}
