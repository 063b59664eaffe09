import type { PricingConfig } from '@switchyard/config';
import { formatUsd, multiplyUsd, sumUsd, type TokenUsage } from '@switchyard/contracts';
import { ratesOf } from './rates-of.js';

/**
 * The exact USD cost of a request's tokens at a route's price, as a decimal string. Cached
 * prompt tokens are billed at the cached rate, prompt tokens written to a cache at the
 * cache-write rate (5-minute or 1-hour) and reasoning tokens (part of the completion tokens) at
 * the reasoning rate, where the route has such rates.
 */
export function computeCost(usage: TokenUsage, pricing: PricingConfig): string {
  const cached = Math.min(usage.cachedTokens, usage.promptTokens);
  const written = Math.min(usage.cacheWriteTokens ?? 0, usage.promptTokens - cached);
  const written1h = Math.min(usage.cacheWrite1hTokens ?? 0, written);
  const written5m = written - written1h;
  const reasoning = Math.min(usage.reasoningTokens, usage.completionTokens);
  const rates = ratesOf(pricing);
  const prompt = usage.promptTokens - cached - written;
  const completion = usage.completionTokens - reasoning;
  const { common } = rates;
  if (common !== undefined) {
    const units =
      common.prompt * prompt +
      common.cachedPrompt * cached +
      common.cacheWrite * written5m +
      common.cacheWrite1h * written1h +
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
      multiplyUsd(rates.cacheWrite, written5m),
      multiplyUsd(rates.cacheWrite1h, written1h),
      multiplyUsd(rates.completion, completion),
      multiplyUsd(rates.reasoning, reasoning),
    ]),
  );
}
