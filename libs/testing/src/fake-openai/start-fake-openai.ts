import type { FakeUpstreamStats } from '../fake-upstream/create-exchange-tracker.js';
import {
  type FakeUpstream,
  type FakeUpstreamOptions,
  startFakeUpstream,
} from '../fake-upstream/start-fake-upstream.js';
import { createOpenAiDialect } from './create-openai-dialect.js';

/** Counters of the fake OpenAI upstream: requests in progress, aborted and completed. */
export type FakeOpenAIStats = FakeUpstreamStats;

/** Options of {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions extends FakeUpstreamOptions {
  /** When set, requests must carry `Authorization: Bearer <one of these>` or get OpenAI's 401. */
  readonly apiKeys?: readonly string[];
}

/** A running fake OpenAI upstream; `url` includes `/v1`, e.g. `http://127.0.0.1:PORT/v1`. */
export type FakeOpenAI = FakeUpstream;

/**
 * Starts an HTTP server speaking OpenAI's wire format for Chat Completions, Embeddings and
 * Models, with deterministic answers and failure scenarios chosen by the request's `model`.
 */
export function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  return startFakeUpstream(createOpenAiDialect(options.apiKeys), options);
}
