import { ProviderError } from '../provider-error.js';

/** A Converse image block: the bytes inline (base64 in JSON) and their format. */
export interface BedrockImageBlock {
  image: { format: 'png' | 'jpeg' | 'gif' | 'webp'; source: { bytes: string } };
}

const DATA_URL = /^data:image\/(png|jpe?g|gif|webp)((?:;[^;,]*)*);base64,(.*)$/is;

/**
 * An OpenAI `image_url` as a Converse image block. Converse takes image bytes (or S3 objects),
 * never a URL to fetch, and only PNG, JPEG, GIF and WebP: anything else is refused.
 */
export function convertBedrockImage(url: string, param: string): BedrockImageBlock {
  const match = DATA_URL.exec(url);
  const subtype = match?.[1]?.toLowerCase();
  if (subtype === undefined || match?.[3] === undefined) {
    throw ProviderError.unsupported(
      'bedrock takes images only as base64 data: URLs of PNG, JPEG, GIF or WebP images.',
      param,
    );
  }
  const format = subtype === 'jpg' ? 'jpeg' : (subtype as BedrockImageBlock['image']['format']);
  return { image: { format, source: { bytes: match[3] } } };
}
