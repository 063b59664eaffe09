import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import type { AnthropicScenario } from './anthropic-scenario.js';
import type { FakeMessagesRequest } from './parse-messages-request.js';

/** Anthropic's input counts: uncached, written to the cache, read from the cache. */
export interface FakeAnthropicInputUsage {
  readonly input_tokens: number;
  readonly cache_creation_input_tokens: number;
  readonly cache_read_input_tokens: number;
}

/**
 * Total input P = 3 + Σ over system blocks (3 + words) + Σ over turns (3 + words of its text
 * blocks and tool results) — the fake OpenAI's prompt_tokens for the same conversation. Normally
 * all of P is `input_tokens`; scenario `cached` reads ⌊P/2⌋ from the cache and `cache-write`
 * writes ⌊P/2⌋ to it, leaving the rest as `input_tokens`, so the three always sum to P.
 */
export function buildAnthropicUsage(
  request: FakeMessagesRequest,
  scenario: AnthropicScenario,
): FakeAnthropicInputUsage {
  const turns = [...request.system, ...request.messages.map((turn) => turn.text)];
  const total = turns.reduce((sum, text) => sum + 3 + countFakeTokens(text), 3);
  const half = Math.floor(total / 2);
  const read = scenario.kind === 'cached' ? half : 0;
  const written = scenario.kind === 'cache-write' ? half : 0;
  return {
    input_tokens: total - read - written,
    cache_creation_input_tokens: written,
    cache_read_input_tokens: read,
  };
}
