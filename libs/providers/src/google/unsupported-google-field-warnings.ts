import type { ChatCompletionRequest } from '@switchyard/contracts';

/**
 * Request fields the Google adapter translates (or that only steer Switchyard's routing:
 * `models`, `provider`; `stream_options` needs nothing as Gemini always reports usage).
 */
const HANDLED = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'n',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'models',
  'provider',
]);

/**
 * One warning per request field Gemini cannot carry (`user`, `logit_bias`, `logprobs`,
 * `top_logprobs`, `reasoning_effort`, `metadata`, any unknown field…), so none is dropped
 * silently; a field set to null or false asks for nothing and is not mentioned.
 */
export function unsupportedGoogleFieldWarnings(request: ChatCompletionRequest): string[] {
  const warnings: string[] = [];
  for (const [field, value] of Object.entries(request)) {
    if (HANDLED.has(field) || value === undefined || value === null || value === false) continue;
    warnings.push(`${field} is not supported by google and was ignored`);
  }
  return warnings;
}
