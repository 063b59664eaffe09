import { ROOT_CONTEXT } from '@opentelemetry/api';
import { formatNanoUsd, type RequestBodies } from '@switchyard/contracts';
import { MASTER_PRINCIPAL, type RequestOutcome } from '@switchyard/gateway';

/** Teams and keys the outcomes are spread over (each key belongs to one team). */
export const BENCH_TEAMS = 40;
export const BENCH_KEYS = 400;

/** Models with their prices in nano-USD per input and output token. */
const MODELS = [
  ['openai/gpt-4o-mini', 'openai', 'gpt-4o-mini', 150, 600],
  ['openai/gpt-4o', 'openai', 'gpt-4o', 2_500, 10_000],
  ['anthropic/claude-sonnet-4', 'anthropic', 'claude-sonnet-4-20250514', 3_000, 15_000],
  ['anthropic/claude-haiku-3.5', 'anthropic', 'claude-3-5-haiku-20241022', 800, 4_000],
  ['google/gemini-2.5-flash', 'google', 'gemini-2.5-flash', 300, 2_500],
  ['openrouter/llama-3.3-70b', 'openrouter', 'meta-llama/llama-3.3-70b-instruct', 130, 400],
  ['mistral/mistral-small', 'mistral', 'mistral-small-latest', 100, 300],
] as const;

/** A UUID (version 4 layout) that is the same for the same number: keys and teams repeat. */
export function benchUuid(kind: 1 | 2, number: number): string {
  return `0000000${kind}-0000-4000-8000-${number.toString(16).padStart(12, '0')}`;
}

/** A well-mixed 32-bit hash of a number (splitmix-style), so the mix repeats across runs. */
function mix(value: number): number {
  let hash = Math.imul(value ^ (value >>> 16), 0x45d9f3b);
  hash = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/**
 * The outcome of the `index`-th request of run `runId`: varied keys, teams, models, streaming,
 * token counts and costs, 97% successes, 2% 429s and 1% upstream errors with a message, and
 * `bodies` attached when given (a key with request logging on). Request ids are unique per run.
 */
export function makeBenchOutcome(
  runId: string,
  index: number,
  startedAt: number,
  bodies?: RequestBodies,
): RequestOutcome {
  const random = mix(index + 1);
  const keyNumber = random % BENCH_KEYS;
  const [model, provider, upstreamModel, inputNanos, outputNanos] =
    MODELS[(random >>> 9) % MODELS.length] ?? MODELS[0];
  const outcomeRoll = (random >>> 13) % 100;
  const status = outcomeRoll < 97 ? 200 : outcomeRoll < 99 ? 429 : 502;
  const stream = (random & 0x100) !== 0;
  const served = status === 200;
  const promptTokens = served ? 50 + ((random >>> 3) % 4_000) : 0;
  const completionTokens = served ? 5 + ((random >>> 17) % 800) : 0;
  const cachedTokens = served && (random & 0x40) !== 0 ? Math.floor(promptTokens / 2) : 0;
  const latencyMs = 200 + ((random >>> 7) % 6_000) + (random % 1_000) / 1_000;
  return {
    requestId: `bench-${runId}-${index}`,
    clientRequestId: undefined,
    principal: {
      ...MASTER_PRINCIPAL,
      keyId: benchUuid(2, keyNumber),
      teamId: benchUuid(1, keyNumber % BENCH_TEAMS),
      role: 'member',
    },
    endpoint: 'chat.completions',
    requestedModel: model,
    model,
    provider: status === 429 ? '' : provider,
    upstreamModel: status === 429 ? '' : upstreamModel,
    credentialId: status === 429 ? undefined : `${provider}:0`,
    stream,
    status,
    errorCode: status === 200 ? null : status === 429 ? 'rate_limit_exceeded' : 'upstream_error',
    errorMessage:
      status === 502 ? `Upstream ${provider} answered 500: internal server error` : null,
    usage: served
      ? { promptTokens, completionTokens, cachedTokens, reasoningTokens: 0 }
      : undefined,
    usageSource: served ? 'provider' : 'none',
    cost: served
      ? formatNanoUsd(promptTokens * inputNanos + completionTokens * outputNanos)
      : undefined,
    costSource: served ? 'catalog' : undefined,
    priceVersion: served ? 'config' : undefined,
    startedAt,
    latencyMs,
    timeToFirstTokenMs: served && stream ? 150 + (random % 900) : undefined,
    attempts: status === 429 ? 0 : 1,
    fallbackUsed: false,
    bodies,
    traceContext: ROOT_CONTEXT,
  };
}
