import type { FakeUpstreamStats } from '../fake-upstream/create-exchange-tracker.js';
import {
  type FakeUpstream,
  type FakeUpstreamOptions,
  startFakeUpstream,
} from '../fake-upstream/start-fake-upstream.js';
import { createGoogleDialect } from './create-google-dialect.js';

/** Counters of the fake Gemini upstream (the same as the fake OpenAI's). */
export type FakeGoogleStats = FakeUpstreamStats;

/** Options of {@link startFakeGoogle}. */
export interface FakeGoogleOptions extends FakeUpstreamOptions {
  /** When set, requests must carry one of these in `x-goog-api-key` (or `?key=`). */
  readonly apiKeys?: readonly string[];
}

/**
 * A running fake Gemini upstream; `url` includes `/v1beta`, and `requests[].path` has no query
 * (so no `?alt=sse`).
 */
export type FakeGoogle = FakeUpstream;

/**
 * Starts an HTTP server speaking Gemini's wire format (`generateContent`,
 * `streamGenerateContent`, `batchEmbedContents`) with deterministic answers and failure
 * scenarios chosen by the model name in the URL.
 */
export function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  return startFakeUpstream(createGoogleDialect(options.apiKeys), options);
}
