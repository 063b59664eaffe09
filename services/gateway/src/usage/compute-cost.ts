import type { PricingConfig } from '@switchyard/config';
import { formatUsd, multiplyUsd, sumUsd, type TokenUsage } from '@switchyard/contracts';
import { ratesOf } from './rates-of.js';

/**
 * The exact USD cost of a request's tokens at a route's price, as a decimal string. Cached
 * prompt tokens are billed at the cached rate and reasoning tokens (part of the completion
 * tokens) at the reasoning rate, where the route has such rates.
 */
export function computeCost(usage: TokenUsage, pricing: PricingConfig): string {
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  const reasoning = Math.min(usage.reasoningTokens, usage.completionTokens);
  const rates = ratesOf(pricing);
  const prompt = usage.promptTokens - cached;
  const completion = usage.completionTokens - reasoning;
  const { common } = rates;
  if (common !== undefined) {
    const units =
      common.prompt * prompt +
      common.cachedPrompt * cached +
      common.completion * completion +
      common.reasoning * reasoning;
    // Every term is at most the sum, so a sum that is a safe integer was computed exactly.
    if (Number.isSafeInteger(units)) {
      return formatUsd({ units: BigInt(units), scale: common.scale });
    }
  }
  return formatUsd(
    sumUsd([
      multiplyUsd(rates.prompt, prompt),
      multiplyUsd(rates.cachedPrompt, cached),
      multiplyUsd(rates.completion, completion),
      multiplyUsd(rates.reasoning, reasoning),
    ]),
  );
}
