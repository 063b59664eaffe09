import type { IgnoredFieldRules } from '../shared/ignored-field-warnings.js';

/**
 * The request fields the Anthropic adapter translates (or that only steer Switchyard's routing);
 * any other that asks for something (`seed`, the penalties, `logit_bias`, `logprobs`, unknown
 * fields) has no Anthropic equivalent and is named in a warning.
 */
export const ANTHROPIC_FIELD_RULES: IgnoredFieldRules = {
  provider: 'anthropic',
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
    'user',
    'tools',
    'tool_choice',
    'parallel_tool_calls',
    'response_format',
    'models',
    'provider',
  ]),
  zeroDefaults: new Set(['frequency_penalty', 'presence_penalty']),
};
