import {
  type ConvertedUsage,
  convertCachedPromptUsage,
} from '../shared/convert-cached-prompt-usage.js';
import type { AnthropicUsage } from './anthropic-usage-schema.js';

/**
 * Anthropic usage in the gateway's terms and in OpenAI's: uncached, cache-read and cache-written
 * input apart, the 1-hour writes in `cache_creation.ephemeral_1h_input_tokens`.
 */
export function convertAnthropicUsage(usage: AnthropicUsage): ConvertedUsage {
  return convertCachedPromptUsage({
    uncached: usage.input_tokens ?? 0,
    cacheRead: usage.cache_read_input_tokens ?? 0,
    cacheWrite: usage.cache_creation_input_tokens ?? 0,
    cacheWrite1h: usage.cache_creation?.ephemeral_1h_input_tokens ?? 0,
    output: usage.output_tokens ?? 0,
  });
}
