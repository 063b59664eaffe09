import { CHAT_FIELDS } from '../shared/chat-fields.js';
import type { IgnoredFieldRules } from '../shared/ignored-field-warnings.js';

/**
 * The request fields the Google adapter translates (`stream_options` needs nothing as Gemini
 * always reports usage); any other that asks for something (`user`, `logit_bias`, `logprobs`,
 * `top_logprobs`, `metadata`, unknown fields; `reasoning_effort` and `reasoning` become
 * `thinkingConfig`) is named in a warning.
 */
export const GOOGLE_FIELD_RULES: IgnoredFieldRules = {
  provider: 'google',
  handled: new Set([
    ...CHAT_FIELDS,
    'seed',
    'frequency_penalty',
    'presence_penalty',
    'reasoning_effort',
    'reasoning',
  ]),
};
