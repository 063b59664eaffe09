import type { ChatCompletionRequest } from '@switchyard/contracts';
import { readReasoningRequest, thinkingBudget } from '../shared/read-reasoning-request.js';
import type { AnthropicGenerationOptions } from './convert-generation-options.js';

/** Anthropic's smallest thinking budget; `max_tokens` must exceed the budget. */
const MIN_BUDGET = 1024;
/** With thinking on, Anthropic takes `top_p` only from 0.95 up. */
const MIN_TOP_P_WITH_THINKING = 0.95;

/**
 * `reasoning_effort` or OpenRouter's `reasoning` as Anthropic's extended thinking: a budget
 * from `reasoning.max_tokens` or the effort's share of `max_tokens`, kept below `max_tokens`.
 * Thinking rules out a changed `temperature` and a `top_p` under 0.95 at Anthropic: those are
 * dropped with a warning, as is reasoning itself when `max_tokens` leaves no room for a budget.
 */
export function convertAnthropicThinking(
  request: ChatCompletionRequest,
  generation: AnthropicGenerationOptions,
  warnings: Set<string>,
): { type: 'enabled'; budget_tokens: number } | undefined {
  const reasoning = readReasoningRequest(request);
  if (reasoning === undefined) return undefined;
  const maxTokens = generation.max_tokens;
  if (maxTokens <= MIN_BUDGET) {
    warnings.add(`reasoning needs max_tokens above ${MIN_BUDGET} on anthropic; it was not enabled`);
    return undefined;
  }
  const budget = Math.max(
    MIN_BUDGET,
    Math.min(thinkingBudget(reasoning, maxTokens), maxTokens - 1),
  );
  if (generation.temperature !== undefined && generation.temperature !== 1) {
    delete generation.temperature;
    warnings.add('temperature cannot be combined with thinking on anthropic and was ignored');
  }
  if (generation.top_p !== undefined && generation.top_p < MIN_TOP_P_WITH_THINKING) {
    delete generation.top_p;
    warnings.add('top_p below 0.95 cannot be combined with thinking on anthropic and was ignored');
  }
  return { type: 'enabled', budget_tokens: budget };
}
