import type { PricingConfig } from '@switchyard/config';
import { formatUsd, multiplyUsd, parseUsd, sumUsd, type TokenUsage } from '@switchyard/contracts';

/**
 * The exact USD cost of a request's tokens at a route's price, as a decimal string. Cached
 * prompt tokens are billed at the cached rate and reasoning tokens (part of the completion
 * tokens) at the reasoning rate, where the route has such rates.
 */
export function computeCost(usage: TokenUsage, pricing: PricingConfig): string {
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  const reasoning = Math.min(usage.reasoningTokens, usage.completionTokens);
  const prompt = parseUsd(pricing.prompt);
  const completion = parseUsd(pricing.completion);
  const cachedRate = pricing.cachedPrompt === undefined ? prompt : parseUsd(pricing.cachedPrompt);
  const reasoningRate = pricing.reasoning === undefined ? completion : parseUsd(pricing.reasoning);
  return formatUsd(
    sumUsd([
      multiplyUsd(prompt, usage.promptTokens - cached),
      multiplyUsd(cachedRate, cached),
      multiplyUsd(completion, usage.completionTokens - reasoning),
      multiplyUsd(reasoningRate, reasoning),
    ]),
  );
}
