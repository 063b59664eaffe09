import {
  formatUsd,
  LEDGER_USD_PATTERN,
  type OpenAiUsage,
  sumUsd,
  type TokenUsage,
  usdFromNumber,
} from '@switchyard/contracts';

/** OpenAI's usage object in the gateway's terms, with the cost an upstream reports (OpenRouter). */
export function convertOpenAiUsage(usage: OpenAiUsage): TokenUsage {
  const converted: TokenUsage = {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens ?? 0,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
  // Cache writes cost more than plain input: priced at the route's cache-write rate when the
  // upstream reports no cost of its own (OpenRouter names no 1-hour part).
  const cacheWrites = usage.prompt_tokens_details?.cache_write_tokens ?? 0;
  if (cacheWrites > 0) {
    converted.cacheWriteTokens = cacheWrites;
    converted.cacheWrite1hTokens = 0;
  }
  const costUsd = reportedCost(usage);
  if (costUsd !== undefined) converted.costUsd = costUsd;
  return converted;
}

/**
 * What the upstream says the request cost: `usage.cost`, plus, when OpenRouter ran it on the
 * caller's own provider key (`is_byok`), the provider's inference cost it reports beside it.
 */
function reportedCost(usage: OpenAiUsage): string | undefined {
  if (usage.cost === undefined) return undefined;
  const fee = usdFromNumber(usage.cost);
  if (fee === undefined) return undefined;
  const upstream = usage.cost_details?.upstream_inference_cost;
  const inference =
    usage.is_byok === true && typeof upstream === 'number' ? usdFromNumber(upstream) : undefined;
  const cost = formatUsd(inference === undefined ? fee : sumUsd([fee, inference]));
  // What the ledger cannot hold is no cost at all: the catalog's price applies instead.
  return LEDGER_USD_PATTERN.test(cost) ? cost : undefined;
}
