import { CHAT_FIELDS } from '../shared/chat-fields.js';
import type { IgnoredFieldRules } from '../shared/ignored-field-warnings.js';

/**
 * The request fields the Bedrock Converse adapter translates. Converse has no structured-output
 * field, so `response_format` is named in a warning like `seed`, the penalties, `logit_bias`,
 * `logprobs` and unknown fields.
 */
export const BEDROCK_FIELD_RULES: IgnoredFieldRules = {
  provider: 'bedrock',
  handled: new Set(CHAT_FIELDS.filter((field) => field !== 'response_format')),
  zeroDefaults: new Set(['frequency_penalty', 'presence_penalty']),
};
