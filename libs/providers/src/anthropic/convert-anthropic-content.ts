import type { ChatMessage } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { type AnthropicImageBlock, convertImageUrl } from './convert-image-url.js';

/** An Anthropic text content block. */
export interface AnthropicTextBlock {
  type: 'text';
  text: string;
  cache_control?: Record<string, unknown>;
}

/** What an OpenAI message's content becomes: text and image blocks. */
export type AnthropicContentBlock =
  | AnthropicTextBlock
  | (AnthropicImageBlock & { cache_control?: Record<string, unknown> });

type OpenAiContent = ChatMessage['content'] | undefined;
type OpenAiContentPart = Extract<NonNullable<OpenAiContent>, readonly unknown[]>[number];

/**
 * OpenAI message content (a string or parts) as Anthropic blocks. Empty text is left out, since
 * Anthropic rejects empty text blocks; a part type Anthropic cannot take (audio, file) is refused.
 * A part's `cache_control` (OpenRouter's convention for prompt caching) stays on its block.
 */
export function convertAnthropicContent(
  content: OpenAiContent,
  param: string,
  warnings: Set<string>,
): AnthropicContentBlock[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  const blocks: AnthropicContentBlock[] = [];
  for (const [index, part] of content.entries()) {
    const block = convertPart(part, `${param}[${index}]`, warnings);
    if (block === undefined) continue;
    // OpenRouter's convention: a cache breakpoint on a content part marks the block.
    const control = (part as Record<string, unknown>).cache_control;
    blocks.push(isPlainObject(control) ? { ...block, cache_control: control } : block);
  }
  return blocks;
}

function convertPart(
  part: OpenAiContentPart,
  param: string,
  warnings: Set<string>,
): AnthropicContentBlock | undefined {
  // An assistant's earlier refusal is part of the conversation: it is carried as text.
  const text =
    part.type === 'text' ? part.text : part.type === 'refusal' ? part.refusal : undefined;
  if (typeof text === 'string') return text === '' ? undefined : { type: 'text', text };
  const image = part.type === 'image_url' ? part.image_url : undefined;
  if (isPlainObject(image) && typeof image.url === 'string') {
    if (image.detail === 'low' || image.detail === 'high') {
      warnings.add(ignoredFieldWarning('anthropic', 'image_url.detail'));
    }
    return convertImageUrl(image.url, `${param}.image_url.url`);
  }
  throw ProviderError.invalidRequest(
    `Content parts of type '${part.type}' cannot be sent to anthropic.`,
    param,
    'unsupported_parameter',
  );
}
