import type { IgnoredFieldRules } from '../shared/ignored-field-warnings.js';

/**
 * The request fields the Google adapter translates (or that only steer Switchyard's routing:
 * `models`, `provider`; `stream_options` needs nothing as Gemini always reports usage); any other
 * that asks for something (`user`, `logit_bias`, `logprobs`, `top_logprobs`, `reasoning_effort`,
 * `metadata`, unknown fields) is named in a warning.
 */
export const GOOGLE_FIELD_RULES: IgnoredFieldRules = {
  provider: 'google',
  handled: new Set([
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
  ]),
};
