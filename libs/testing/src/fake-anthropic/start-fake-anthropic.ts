import type { FakeUpstreamStats } from '../fake-upstream/create-exchange-tracker.js';
import {
  type FakeUpstream,
  type FakeUpstreamOptions,
  startFakeUpstream,
} from '../fake-upstream/start-fake-upstream.js';
import { createAnthropicDialect } from './create-anthropic-dialect.js';

/** Counters of the fake Anthropic upstream: requests in progress, aborted and completed. */
export type FakeAnthropicStats = FakeUpstreamStats;

/** Options of {@link startFakeAnthropic}. */
export interface FakeAnthropicOptions extends FakeUpstreamOptions {
  /** When set, requests must carry `x-api-key: <one of these>` or get Anthropic's 401. */
  readonly apiKeys?: readonly string[];
}

/** A running fake Anthropic upstream; `url` includes `/v1` (so `{url}/messages`). */
export type FakeAnthropic = FakeUpstream;

/**
 * Starts an HTTP server speaking Anthropic's Messages API wire format (JSON messages, SSE
 * streams, error bodies), with deterministic answers and failure scenarios chosen by `model`.
 */
export function startFakeAnthropic(options: FakeAnthropicOptions = {}): Promise<FakeAnthropic> {
  return startFakeUpstream(createAnthropicDialect(options.apiKeys), options);
}
