import { CachedCounter, CachedHistogram } from '@switchyard/telemetry';
import type { Registry } from 'prom-client';
import type { UsageRecorder } from './usage-recorder.js';

/** OpenTelemetry GenAI semantic conventions' bucket boundaries for token counts. */
const TOKEN_BUCKETS = [
  1, 4, 16, 64, 256, 1_024, 4_096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304, 16_777_216,
  67_108_864,
];
/** …and for operation durations, in seconds. */
const DURATION_BUCKETS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92,
];

/**
 * The GenAI client metrics of the OpenTelemetry semantic conventions in Prometheus naming
 * (`gen_ai_client_token_usage`, `gen_ai_client_operation_duration_seconds`), time to first token,
 * and cost by team and model. Only requests that reached a provider are counted, so every label
 * comes from configuration (model ids, provider names, team ids), never from caller input.
 */
export function createGenAiUsageRecorder(registry: Registry): UsageRecorder {
  const tokens = new CachedHistogram({
    name: 'gen_ai_client_token_usage',
    help: 'Tokens used per request (GenAI semantic conventions), by token type.',
    labelNames: [
      'gen_ai_operation_name',
      'gen_ai_provider_name',
      'gen_ai_request_model',
      'gen_ai_token_type',
    ] as const,
    buckets: TOKEN_BUCKETS,
    registers: [registry],
  });
  const duration = new CachedHistogram({
    name: 'gen_ai_client_operation_duration_seconds',
    help: 'Duration of a GenAI operation through the gateway, from arrival to the last byte.',
    labelNames: [
      'gen_ai_operation_name',
      'gen_ai_provider_name',
      'gen_ai_request_model',
      'error_type',
    ] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const firstToken = new CachedHistogram({
    name: 'switchyard_time_to_first_token_seconds',
    help: 'Time from a streamed request’s arrival to its first byte reaching the client.',
    labelNames: ['model', 'provider'] as const,
    buckets: [0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 20],
    registers: [registry],
  });
  const cost = new CachedCounter({
    name: 'switchyard_cost_usd_by_team_total',
    help: 'Cost of requests in USD at catalog prices, by team (id; "none" for the master key) and model.',
    labelNames: ['team', 'model'] as const,
    registers: [registry],
  });
  return {
    record(outcome) {
      if (outcome.provider === '') return;
      const operation = outcome.endpoint === 'embeddings' ? 'embeddings' : 'chat';
      const { model, provider } = outcome;
      duration
        .labels(operation, provider, model, outcome.errorCode ?? '')
        .observe(outcome.latencyMs / 1000);
      if (outcome.timeToFirstTokenMs !== undefined) {
        firstToken.labels(model, provider).observe(outcome.timeToFirstTokenMs / 1000);
      }
      const usage = outcome.usage;
      if (usage === undefined) return;
      tokens.labels(operation, provider, model, 'input').observe(usage.promptTokens);
      tokens.labels(operation, provider, model, 'output').observe(usage.completionTokens);
      if (outcome.cost !== undefined) {
        cost.labels(outcome.principal.teamId ?? 'none', model).inc(Number(outcome.cost));
      }
    },
  };
}
