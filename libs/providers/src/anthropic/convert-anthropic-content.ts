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

/** An Anthropic document block (a PDF, by data or URL). */
export interface AnthropicDocumentBlock {
  type: 'document';
  source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
  title?: string;
  cache_control?: Record<string, unknown>;
}

/** What an OpenAI message's content becomes: text, image and document blocks. */
export type AnthropicContentBlock =
  | AnthropicTextBlock
  | AnthropicDocumentBlock
  | (AnthropicImageBlock & { cache_control?: Record<string, unknown> });

const DATA_URL = /^data:([^;,]+);base64,(.*)$/s;

/**
 * A `file` part's `file_data` as a document: a base64 data URL (a PDF) by its data, an http(s)
 * URL (OpenRouter accepts these) by URL; undefined for anything else (a `file_id`).
 */
function convertFileData(data: unknown, filename: unknown): AnthropicDocumentBlock | undefined {
  if (typeof data !== 'string') return undefined;
  const title = typeof filename === 'string' && filename !== '' ? { title: filename } : {};
  const inline = DATA_URL.exec(data);
  if (inline?.[1] !== undefined && inline[2] !== undefined) {
    const source = { type: 'base64' as const, media_type: inline[1], data: inline[2] };
    return { type: 'document', source, ...title };
  }
  if (/^https?:\/\//.test(data))
    return { type: 'document', source: { type: 'url', url: data }, ...title };
  return undefined;
}

type OpenAiContent = ChatMessage['content'] | undefined;
type OpenAiContentPart = Extract<NonNullable<OpenAiContent>, readonly unknown[]>[number];

/**
 * OpenAI message content (a string or parts) as Anthropic blocks. Empty text is left out, since
 * Anthropic rejects empty text blocks; a `file` part given as data or by URL becomes a `document`
 * block; a part type Anthropic cannot take (audio, a file by id) is refused.
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
  const file = part.type === 'file' ? part.file : undefined;
  const document = isPlainObject(file) ? convertFileData(file.file_data, file.filename) : undefined;
  if (document !== undefined) return document;
  throw ProviderError.invalidRequest(
    `Content parts of type '${part.type}' cannot be sent to anthropic.`,
    param,
    'unsupported_parameter',
  );
}
