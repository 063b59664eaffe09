import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import type { AnthropicScenario } from './anthropic-scenario.js';
import type { FakePromptCache } from './fake-prompt-cache.js';
import type { FakeMessagesRequest } from './parse-messages-request.js';

/** Anthropic's input counts: uncached, written to the cache, read from the cache. */
export interface FakeAnthropicInputUsage {
  readonly input_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
  /** The part of the cache writes made for one hour. */
  readonly written1h: number;
}

/**
 * Total input P = 3 + Σ over system blocks (3 + words) + Σ over turns (3 + words of its text
 * blocks and tool results) — the fake OpenAI's prompt_tokens for the same conversation. Normally
 * all of P is `input_tokens`; scenario `cached` reads ⌊P/2⌋ from the cache and `cache-write`
 * writes ⌊P/2⌋ to it, leaving the rest as `input_tokens`, so the three always sum to P. Otherwise
 * a request with `cache_control` breakpoints uses the fake's prompt `cache`: it reads what an
 * earlier request cached of its prefix and writes the rest of the prefix (1-hour writes when the
 * last breakpoint asks for `ttl: "1h"`).
 */
export function buildAnthropicUsage(
  request: FakeMessagesRequest,
  scenario: AnthropicScenario,
  cache: FakePromptCache,
): FakeAnthropicInputUsage {
  const total = fakeInputTokens(request);
  const half = Math.floor(total / 2);
  let read = scenario.kind === 'cached' ? half : 0;
  let written = scenario.kind === 'cache-write' ? half : 0;
  let written1h = 0;
  if (read === 0 && written === 0 && request.cachePrefix !== undefined) {
    const use = cache.use(request.cachePrefix);
    read = Math.min(use.read, total);
    written = Math.min(use.written, total - read);
    written1h = use.ttl === '1h' ? written : 0;
  }
  return {
    input_tokens: total - read - written,
    cache_creation_input_tokens: written,
    cache_read_input_tokens: read,
    written1h,
  };
}

/** The fake's count of a request's whole input (what `count_tokens` answers). */
export function fakeInputTokens(request: FakeMessagesRequest): number {
  const turns = [...request.system, ...request.messages.map((turn) => turn.text)];
  return turns.reduce((sum, text) => sum + 3 + countFakeTokens(text), 3);
}
