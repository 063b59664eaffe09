import type { TokenUsage } from '@switchyard/contracts';
import type { Answer } from './answer.js';
import type { UsageSource } from './usage-recorder.js';

/** How much of an answer reached the client: all of it, part (a stream cut short), or none. */
export type Delivery = 'complete' | 'partial' | 'none';

/**
 * The tokens to record and where they came from (ARCHITECTURE.md): the provider's usage when it
 * reported one for a complete answer; a tokenizer estimate (the prompt as measured at admission,
 * the answer as the client received it) when it reported none; for a stream cut short, whatever
 * the provider had reported, raised to what the client had already received.
 */
export function resolveUsage(
  delivery: Delivery,
  reported: TokenUsage | undefined,
  estimates: { prompt: (() => number) | undefined; answer: Answer | undefined },
): { usage: TokenUsage | undefined; source: UsageSource } {
  if (delivery === 'none') {
    return reported ? { usage: reported, source: 'partial' } : { usage: undefined, source: 'none' };
  }
  if (delivery === 'complete' && reported) return { usage: reported, source: 'provider' };
  const answered = estimates.answer?.completionTokens() ?? 0;
  if (delivery === 'partial' && reported && reported.completionTokens >= answered) {
    return { usage: reported, source: 'partial' };
  }
  const usage: TokenUsage = {
    promptTokens: reported?.promptTokens ?? estimates.prompt?.() ?? 0,
    completionTokens: answered,
    cachedTokens: reported?.cachedTokens ?? 0,
    reasoningTokens: reported?.reasoningTokens ?? 0,
  };
  // A cut stream's cache writes were reported at its start (`message_start`): still priced as writes.
  if (reported?.cacheWriteTokens !== undefined) {
    usage.cacheWriteTokens = reported.cacheWriteTokens;
    usage.cacheWrite1hTokens = reported.cacheWrite1hTokens ?? 0;
  }
  return {
    usage,
    source: delivery === 'complete' ? 'estimated' : 'partial',
  };
}
