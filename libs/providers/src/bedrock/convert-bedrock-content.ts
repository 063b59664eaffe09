import type { ChatMessage } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { type BedrockImageBlock, convertBedrockImage } from './convert-bedrock-image.js';

/** A Converse text block. */
export interface BedrockTextBlock {
  text: string;
}

/** What an OpenAI message's content becomes in Converse: text and image blocks. */
export type BedrockContentBlock = BedrockTextBlock | BedrockImageBlock;

type OpenAiContent = ChatMessage['content'] | undefined;
type OpenAiContentPart = Extract<NonNullable<OpenAiContent>, readonly unknown[]>[number];

/**
 * OpenAI message content (a string or parts) as Converse blocks. Empty text is left out, as
 * Converse rejects blank text blocks; audio and file parts are refused.
 */
export function convertBedrockContent(
  content: OpenAiContent,
  param: string,
  warnings: Set<string>,
): BedrockContentBlock[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  const blocks: BedrockContentBlock[] = [];
  for (const [index, part] of content.entries()) {
    const block = convertPart(part, `${param}[${index}]`, warnings);
    if (block !== undefined) blocks.push(block);
  }
  return blocks;
}

function convertPart(
  part: OpenAiContentPart,
  param: string,
  warnings: Set<string>,
): BedrockContentBlock | undefined {
  const text =
    part.type === 'text' ? part.text : part.type === 'refusal' ? part.refusal : undefined;
  if (typeof text === 'string') return text === '' ? undefined : { text };
  const image = part.type === 'image_url' ? part.image_url : undefined;
  if (isPlainObject(image) && typeof image.url === 'string') {
    if (image.detail === 'low' || image.detail === 'high') {
      warnings.add(ignoredFieldWarning('bedrock', 'image_url.detail'));
    }
    return convertBedrockImage(image.url, `${param}.image_url.url`);
  }
  throw ProviderError.unsupported(
    `Content parts of type '${part.type}' cannot be sent to bedrock.`,
    param,
  );
}
