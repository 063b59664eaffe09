import { isPlainObject } from './is-plain-object.js';

/** Reasoning as a chat request asks for it: OpenAI's `reasoning_effort`, OpenRouter's `reasoning`. */
export interface ReasoningRequest {
  readonly effort: 'minimal' | 'low' | 'medium' | 'high' | undefined;
  /** OpenRouter's `reasoning.max_tokens`: the thinking budget itself. */
  readonly maxTokens: number | undefined;
  /** OpenRouter's `reasoning.exclude`: the model reasons, the answer leaves the reasoning out. */
  readonly exclude: boolean;
}

const EFFORTS = new Set(['minimal', 'low', 'medium', 'high']);
/** OpenRouter's share of `max_tokens` given to thinking per effort. */
const EFFORT_SHARE = { minimal: 0.1, low: 0.2, medium: 0.5, high: 0.8 } as const;
/** Bounds of a thinking budget derived from an effort (Anthropic's minimum is 1024). */
const MIN_BUDGET = 1024;
const MAX_DERIVED_BUDGET = 32_000;

/**
 * What reasoning a chat request asks for, or undefined when it asks for none (no field, an
 * effort of `none`, or `reasoning.enabled: false`). `reasoning` wins over `reasoning_effort`.
 */
export function readReasoningRequest(
  request: Record<string, unknown>,
): ReasoningRequest | undefined {
  const reasoning = isPlainObject(request.reasoning) ? request.reasoning : undefined;
  if (reasoning?.enabled === false) return undefined;
  const effortField = reasoning?.effort ?? request.reasoning_effort;
  const effort =
    typeof effortField === 'string' && EFFORTS.has(effortField) ? effortField : undefined;
  const maxTokens =
    typeof reasoning?.max_tokens === 'number' && reasoning.max_tokens > 0
      ? Math.floor(reasoning.max_tokens)
      : undefined;
  const exclude = reasoning?.exclude === true;
  if (effort === undefined && maxTokens === undefined && reasoning?.enabled !== true)
    return undefined;
  return { effort: effort as ReasoningRequest['effort'], maxTokens, exclude };
}

/**
 * A thinking budget for `reasoning` within `maxTokens` (the completion cap, thinking included):
 * `reasoning.max_tokens` itself, else the effort's share of the cap (medium when unnamed),
 * between 1024 and 32,000 tokens — as OpenRouter maps efforts for Anthropic and Gemini.
 */
export function thinkingBudget(reasoning: ReasoningRequest, maxTokens: number): number {
  if (reasoning.maxTokens !== undefined) return reasoning.maxTokens;
  const share = EFFORT_SHARE[reasoning.effort ?? 'medium'];
  return Math.max(MIN_BUDGET, Math.min(MAX_DERIVED_BUDGET, Math.floor(maxTokens * share)));
}
