import type { Context } from '@opentelemetry/api';
import type { CostSource, RequestBodies, TokenUsage } from '@switchyard/contracts';
import type { Principal } from '../auth/principal.js';

/** Where a request's token numbers came from (ARCHITECTURE.md, usage event v1). */
export type UsageSource = 'provider' | 'estimated' | 'partial' | 'none';

/** Everything known about one finished request that passed authentication. */
export interface RequestOutcome {
  /** The gateway's own id of the request, unique: the ledger's key. */
  requestId: string;
  /** The caller's `x-request-id` (a sane token), an attribute it may reuse. */
  clientRequestId: string | undefined;
  principal: Principal;
  endpoint: 'chat.completions' | 'embeddings' | 'messages' | 'responses';
  /** The model id as the caller sent it (variants and pins included). */
  requestedModel: string;
  /** The model that served the request (a fallback's id when one was used), else the requested id. */
  model: string;
  /** Empty when no upstream answered. */
  provider: string;
  upstreamModel: string;
  credentialId: string | undefined;
  stream: boolean;
  /** HTTP status given to the client; 499 when the client left first. */
  status: number;
  errorCode: string | null;
  /** The error message the client got (redacted and capped when published). */
  errorMessage: string | null;
  usage: TokenUsage | undefined;
  usageSource: UsageSource;
  /** Exact USD decimal string, when usage and a price are known. */
  cost: string | undefined;
  /** `provider` when the upstream reported what it charged (OpenRouter), else `catalog`. */
  costSource: CostSource | undefined;
  /** The version of the price `cost` was computed at (`config`, or the catalog's). */
  priceVersion: string | undefined;
  startedAt: number;
  latencyMs: number;
  /** Milliseconds until the first byte of a stream reached the client. */
  timeToFirstTokenMs: number | undefined;
  /** Upstream calls made (retries and fallbacks included); 0 when none was made. */
  attempts: number;
  /** A route or model other than the first choice served the request. */
  fallbackUsed: boolean;
  /** The request log's bodies, when the key has body logging on. */
  bodies: RequestBodies | undefined;
  /** The request's trace, continued by whoever processes the outcome. */
  traceContext: Context;
  /** The end user the cost is attributed to (`x-switchyard-user`, `user`, `metadata.user_id`). */
  endUser?: string | undefined;
  /** Up to 10 `key` or `key:value` tags. */
  tags?: readonly string[] | undefined;
}

/** Receives every outcome; the usage pipeline (issue #5) publishes them as usage events. */
export interface UsageRecorder {
  record(outcome: RequestOutcome): void;
}
