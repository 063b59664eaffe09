import type { ChatCompletionRequest } from '@switchyard/contracts';
import { readReasoningRequest, thinkingBudget } from '../shared/read-reasoning-request.js';

/** What an effort's share of the budget is taken of when the request sets no token limit. */
const DEFAULT_BUDGET_BASE = 8192;

/**
 * The sampling fields of a request as Gemini's `generationConfig`: temperature, topP,
 * maxOutputTokens (`max_completion_tokens`, else `max_tokens`), stopSequences, candidateCount
 * (`n`), seed, presence/frequency penalties, and the response format: `json_object` →
 * `responseMimeType: application/json`; `json_schema` → that plus `responseJsonSchema`, the
 * schema as given (Gemini accepts JSON Schema there, ignoring keywords it does not support);
 * `reasoning_effort` or OpenRouter's `reasoning` → `thinkingConfig` (a `thinkingBudget` as for
 * Anthropic, thought summaries included unless `reasoning.exclude`). Undefined when nothing is set.
 */
export function buildGoogleGenerationConfig(
  request: ChatCompletionRequest,
): Record<string, unknown> | undefined {
  const config: Record<string, unknown> = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined && value !== null) config[key] = value;
  };
  set('temperature', request.temperature);
  set('topP', request.top_p);
  set('maxOutputTokens', request.max_completion_tokens ?? request.max_tokens);
  const stop = request.stop;
  set('stopSequences', typeof stop === 'string' ? [stop] : stop);
  set('candidateCount', request.n);
  set('seed', request.seed);
  set('presencePenalty', request.presence_penalty);
  set('frequencyPenalty', request.frequency_penalty);
  const format = request.response_format;
  if (format?.type === 'json_object' || format?.type === 'json_schema') {
    config.responseMimeType = 'application/json';
  }
  if (format?.type === 'json_schema' && format.json_schema.schema !== undefined) {
    config.responseJsonSchema = format.json_schema.schema;
  }
  const reasoning = readReasoningRequest(request);
  if (reasoning !== undefined) {
    const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? DEFAULT_BUDGET_BASE;
    config.thinkingConfig = {
      thinkingBudget: thinkingBudget(reasoning, maxTokens),
      // `exclude`: Gemini still thinks; its summaries are simply not asked for.
      includeThoughts: !reasoning.exclude,
    };
  }
  return Object.keys(config).length > 0 ? config : undefined;
}
