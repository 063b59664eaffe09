import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import type { BedrockScenario } from './bedrock-scenario.js';
import type { FakeConverseRequest } from './parse-converse-request.js';

/** Converse's input counts: uncached, read from and written to the cache (apart, as Bedrock counts). */
export interface FakeConverseInputUsage {
  readonly inputTokens: number;
  readonly cacheReadInputTokens: number;
  readonly cacheWriteInputTokens: number;
}

/**
 * Total input P = 3 + Σ over system blocks (3 + words) + Σ over turns (3 + words of its text and
 * tool results) — the fake OpenAI's prompt_tokens for the same conversation. Scenario `cached`
 * reads ⌊P/2⌋ from the cache and `cache-write` writes ⌊P/2⌋, so the three always sum to P.
 */
export function buildConverseUsage(
  request: FakeConverseRequest,
  scenario: BedrockScenario,
): FakeConverseInputUsage {
  const texts = [...request.system, ...request.messages.map((turn) => turn.text)];
  const total = texts.reduce((sum, text) => sum + 3 + countFakeTokens(text), 3);
  const half = Math.floor(total / 2);
  const read = scenario.kind === 'cached' ? half : 0;
  const written = scenario.kind === 'cache-write' ? half : 0;
  return {
    inputTokens: total - read - written,
    cacheReadInputTokens: read,
    cacheWriteInputTokens: written,
  };
}
