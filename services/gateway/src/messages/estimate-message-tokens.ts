import { isPlainObject } from '@switchyard/providers';
import { estimateTokens } from '../usage/estimate-tokens.js';

/** Per turn, system prompt and tool: the framing a real count adds around their text. */
const OVERHEAD_TOKENS = 3;
/** An image or document block: what a page or a ~1 megapixel image costs at Anthropic. */
const ATTACHMENT_TOKENS = 1600;
/** Fields that carry no text a model reads as tokens (ids, encodings, signatures, cache marks). */
const SKIPPED = new Set([
  'data',
  'signature',
  'media_type',
  'type',
  'cache_control',
  'id',
  'tool_use_id',
]);

/**
 * An o200k estimate of a Messages request's input tokens, for routes whose provider has no
 * count of its own: the text of the system prompt, turns, tool definitions and tool input,
 * plus a flat cost per image or document. Not the upstream's own tokenizer, so the response
 * says it is an estimate.
 */
export function estimateMessageTokens(body: Record<string, unknown>): number {
  const texts: string[] = [];
  let extra = OVERHEAD_TOKENS;
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) for (const item of value) walk(item);
    else if (isPlainObject(value)) {
      if (value.type === 'image' || value.type === 'document') extra += ATTACHMENT_TOKENS;
      for (const [key, field] of Object.entries(value)) {
        if (SKIPPED.has(key)) continue;
        if (key === 'input' || key === 'input_schema') texts.push(JSON.stringify(field));
        else walk(field);
      }
    }
  };
  for (const field of ['system', 'messages', 'tools'] as const) {
    const value = body[field];
    if (Array.isArray(value)) extra += OVERHEAD_TOKENS * value.length;
    walk(value);
  }
  return estimateTokens(texts) + extra;
}
