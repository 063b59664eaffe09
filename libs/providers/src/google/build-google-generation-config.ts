import type { ChatCompletionRequest } from '@switchyard/contracts';

/**
 * The sampling fields of a request as Gemini's `generationConfig`: temperature, topP,
 * maxOutputTokens (`max_completion_tokens`, else `max_tokens`), stopSequences, candidateCount
 * (`n`), seed, presence/frequency penalties, and the response format: `json_object` →
 * `responseMimeType: application/json`; `json_schema` → that plus `responseJsonSchema`, the
 * schema as given (Gemini accepts JSON Schema there, ignoring keywords it does not support).
 * Undefined when nothing is set.
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
  return Object.keys(config).length > 0 ? config : undefined;
}
