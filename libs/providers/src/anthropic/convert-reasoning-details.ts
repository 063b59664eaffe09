import { isPlainObject } from '../shared/is-plain-object.js';

/** A thinking block of an earlier assistant turn, as Anthropic needs it back. */
export type AnthropicThinkingBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string };

/** The `format` OpenRouter gives reasoning details from Anthropic models. */
export const ANTHROPIC_REASONING_FORMAT = 'anthropic-claude-v1';

/**
 * An assistant message's OpenRouter `reasoning_details` as Anthropic thinking blocks: signed
 * `reasoning.text` as `thinking`, `reasoning.encrypted` as `redacted_thinking`. Unsigned text
 * (another model's reasoning) is left out: Anthropic refuses thinking it did not sign.
 */
export function convertReasoningDetails(details: unknown): AnthropicThinkingBlock[] {
  if (!Array.isArray(details)) return [];
  const blocks: AnthropicThinkingBlock[] = [];
  for (const detail of details) {
    if (!isPlainObject(detail)) continue;
    if (
      detail.type === 'reasoning.text' &&
      typeof detail.text === 'string' &&
      typeof detail.signature === 'string' &&
      detail.signature !== ''
    ) {
      blocks.push({ type: 'thinking', thinking: detail.text, signature: detail.signature });
    } else if (detail.type === 'reasoning.encrypted' && typeof detail.data === 'string') {
      blocks.push({ type: 'redacted_thinking', data: detail.data });
    }
  }
  return blocks;
}
