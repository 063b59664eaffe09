import type { TokenUsage } from '@switchyard/contracts';
import type { GoogleUsageMetadata } from './google-response-schema.js';

/**
 * Gemini's `usageMetadata` in the gateway's terms. Thinking tokens are billed as output, so
 * completion = candidates + thoughts, and reasoning = thoughts; cached = cachedContentTokenCount
 * (already inside promptTokenCount, as OpenAI counts cached tokens). Tool-use prompt tokens
 * (built-in tools, which Switchyard does not send) are not counted.
 */
export function convertGoogleUsage(metadata: GoogleUsageMetadata): TokenUsage {
  const thoughts = metadata.thoughtsTokenCount ?? 0;
  return {
    promptTokens: metadata.promptTokenCount ?? 0,
    completionTokens: (metadata.candidatesTokenCount ?? 0) + thoughts,
    cachedTokens: metadata.cachedContentTokenCount ?? 0,
    reasoningTokens: thoughts,
  };
}
