import type { PricingConfig } from '@switchyard/config';
import { parseUsd, toNanoUsd, type UsdAmount } from '@switchyard/contracts';

/** A route's per-token prices parsed once: exact amounts, and nano-USD for budget bounds. */
export interface Rates {
  readonly prompt: UsdAmount;
  readonly completion: UsdAmount;
  /** The cached-input rate, else the prompt rate. */
  readonly cachedPrompt: UsdAmount;
  /** The reasoning rate, else the completion rate. */
  readonly reasoning: UsdAmount;
  /** The 5-minute cache-write rate, else the prompt rate. */
  readonly cacheWrite: UsdAmount;
  /** The 1-hour cache-write rate, else the 5-minute one. */
  readonly cacheWrite1h: UsdAmount;
  readonly promptNanos: number;
  /**
   * The dearest rate a prompt token can be billed at: the prompt rate or a cache-write rate
   * (Anthropic bills 5-minute writes at 1.25× input and 1-hour ones at 2×), for budget bounds.
   */
  readonly promptCeilingNanos: number;
  readonly completionNanos: number;
  /** Zero when the route has no reasoning rate of its own. */
  readonly reasoningNanos: number;
  /**
   * The six rates as integer units at one scale, when each is a safe integer so: tokens are
   * then priced in plain numbers (exact while the result stays a safe integer).
   */
  readonly common: CommonScaleRates | undefined;
}

/** Rates as whole numbers of 10^-scale USD. */
export interface CommonScaleRates {
  readonly scale: number;
  readonly prompt: number;
  readonly cachedPrompt: number;
  readonly completion: number;
  readonly reasoning: number;
  readonly cacheWrite: number;
  readonly cacheWrite1h: number;
}

interface Parsed {
  readonly from: PricingConfig;
  readonly rates: Rates;
}

// Keyed by the catalog's pricing object (dropped with it); the texts are checked too, so a
// pricing object changed in place is parsed again rather than priced at old rates.
const parsed = new WeakMap<PricingConfig, Parsed>();

/**
 * The rates of `pricing`, parsed on first use and then reused: every request of a route
 * prices its tokens without parsing decimal strings into bigints again.
 */
export function ratesOf(pricing: PricingConfig): Rates {
  const known = parsed.get(pricing);
  if (
    known !== undefined &&
    known.from.prompt === pricing.prompt &&
    known.from.completion === pricing.completion &&
    known.from.cachedPrompt === pricing.cachedPrompt &&
    known.from.reasoning === pricing.reasoning &&
    known.from.cacheWrite === pricing.cacheWrite &&
    known.from.cacheWrite1h === pricing.cacheWrite1h
  ) {
    return known.rates;
  }
  const rates = parse(pricing);
  parsed.set(pricing, { from: { ...pricing }, rates });
  return rates;
}

function parse(pricing: PricingConfig): Rates {
  const prompt = parseUsd(pricing.prompt);
  const completion = parseUsd(pricing.completion);
  const reasoning = pricing.reasoning === undefined ? undefined : parseUsd(pricing.reasoning);
  const cacheWrite = pricing.cacheWrite === undefined ? prompt : parseUsd(pricing.cacheWrite);
  const amounts = {
    prompt,
    cachedPrompt: pricing.cachedPrompt === undefined ? prompt : parseUsd(pricing.cachedPrompt),
    completion,
    reasoning: reasoning ?? completion,
    cacheWrite,
    cacheWrite1h: pricing.cacheWrite1h === undefined ? cacheWrite : parseUsd(pricing.cacheWrite1h),
  };
  return {
    ...amounts,
    // A per-token price in nano-USD: a few thousand at most, a safe number.
    promptNanos: Number(toNanoUsd(prompt)),
    promptCeilingNanos: Math.max(
      ...[prompt, amounts.cacheWrite, amounts.cacheWrite1h].map((rate) => Number(toNanoUsd(rate))),
    ),
    completionNanos: Number(toNanoUsd(completion)),
    reasoningNanos: reasoning === undefined ? 0 : Number(toNanoUsd(reasoning)),
    common: atCommonScale(amounts),
  };
}

function atCommonScale(amounts: Record<keyof Omit<CommonScaleRates, 'scale'>, UsdAmount>) {
  const scale = Math.max(...Object.values(amounts).map((amount) => amount.scale));
  const at = (amount: UsdAmount) => amount.units * 10n ** BigInt(scale - amount.scale);
  const units = {
    prompt: at(amounts.prompt),
    cachedPrompt: at(amounts.cachedPrompt),
    completion: at(amounts.completion),
    reasoning: at(amounts.reasoning),
    cacheWrite: at(amounts.cacheWrite),
    cacheWrite1h: at(amounts.cacheWrite1h),
  };
  const safe = Object.values(units).every((value) => value <= BigInt(Number.MAX_SAFE_INTEGER));
  if (!safe) return undefined;
  return {
    scale,
    prompt: Number(units.prompt),
    cachedPrompt: Number(units.cachedPrompt),
    completion: Number(units.completion),
    reasoning: Number(units.reasoning),
    cacheWrite: Number(units.cacheWrite),
    cacheWrite1h: Number(units.cacheWrite1h),
  };
}
