import type { TokenUsage } from '@switchyard/contracts';
import type { Principal } from '../auth/principal.js';

/** Where a request's token numbers came from (ARCHITECTURE.md, usage event v1). */
export type UsageSource = 'provider' | 'partial' | 'none';

/** Everything known about one finished request that passed authentication. */
export interface RequestOutcome {
  requestId: string;
  principal: Principal;
  endpoint: 'chat.completions' | 'embeddings';
  model: string;
  provider: string;
  upstreamModel: string;
  stream: boolean;
  /** HTTP status given to the client; 499 when the client left first. */
  status: number;
  errorCode: string | null;
  usage: TokenUsage | undefined;
  usageSource: UsageSource;
  /** Exact USD decimal string, when usage and a price are known. */
  cost: string | undefined;
  startedAt: number;
  latencyMs: number;
  /** Milliseconds until the first byte of a stream reached the client. */
  timeToFirstTokenMs: number | undefined;
}

/** Receives every outcome; the usage pipeline (issue #5) publishes them as usage events. */
export interface UsageRecorder {
  record(outcome: RequestOutcome): void;
}
