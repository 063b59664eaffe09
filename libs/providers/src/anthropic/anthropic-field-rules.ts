import { CHAT_FIELDS } from '../shared/chat-fields.js';
import type { IgnoredFieldRules } from '../shared/ignored-field-warnings.js';

/**
 * The request fields the Anthropic adapter translates (`user` becomes `metadata.user_id`,
 * `reasoning_effort` and `reasoning` become `thinking`); any
 * other that asks for something (`seed`, the penalties, `logit_bias`, `logprobs`, unknown
 * fields) has no Anthropic equivalent and is named in a warning.
 */
export const ANTHROPIC_FIELD_RULES: IgnoredFieldRules = {
  provider: 'anthropic',
  handled: new Set([...CHAT_FIELDS, 'user', 'reasoning_effort', 'reasoning']),
  zeroDefaults: new Set(['frequency_penalty', 'presence_penalty']),
};
