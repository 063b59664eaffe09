import { isPlainObject } from '../shared/is-plain-object.js';

/**
 * A chat message's reasoning as Anthropic thinking blocks: OpenRouter's `reasoning_details`
 * one block each (signed text as `thinking`, `reasoning.encrypted` as `redacted_thinking`),
 * else its `reasoning` (or `reasoning_content`) as one `thinking` block with an empty signature
 * (the provider signed nothing; Anthropic would not take it back).
 */
export function convertReasoningToThinking(
  message: Record<string, unknown>,
): Record<string, unknown>[] {
  const blocks: Record<string, unknown>[] = [];
  if (Array.isArray(message.reasoning_details)) {
    for (const detail of message.reasoning_details) {
      if (!isPlainObject(detail)) continue;
      if (detail.type === 'reasoning.text' && typeof detail.text === 'string') {
        const signature = typeof detail.signature === 'string' ? detail.signature : '';
        blocks.push({ type: 'thinking', thinking: detail.text, signature });
      } else if (detail.type === 'reasoning.encrypted' && typeof detail.data === 'string') {
        blocks.push({ type: 'redacted_thinking', data: detail.data });
      }
    }
    if (blocks.length > 0) return blocks;
  }
  const text = message.reasoning ?? message.reasoning_content;
  return typeof text === 'string' && text !== ''
    ? [{ type: 'thinking', thinking: text, signature: '' }]
    : [];
}
