import {
  type ConvertedUsage,
  convertCachedPromptUsage,
} from '../shared/convert-cached-prompt-usage.js';
import type { BedrockUsage } from './bedrock-converse-schema.js';

/**
 * Converse usage in the gateway's terms and in OpenAI's: it counts uncached input, cache reads
 * and cache writes apart (its `totalTokens` adds all of them) and names no 1-hour writes.
 * Reasoning is inside `outputTokens`.
 */
export function convertBedrockUsage(usage: BedrockUsage): ConvertedUsage {
  return convertCachedPromptUsage({
    uncached: usage.inputTokens ?? 0,
    cacheRead: usage.cacheReadInputTokens ?? 0,
    cacheWrite: usage.cacheWriteInputTokens ?? 0,
    cacheWrite1h: 0,
    output: usage.outputTokens ?? 0,
  });
}
