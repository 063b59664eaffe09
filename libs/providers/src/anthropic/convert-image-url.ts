import { ProviderError } from '../provider-error.js';

/** An Anthropic image content block. */
export interface AnthropicImageBlock {
  type: 'image';
  source: { type: 'base64'; media_type: string; data: string } | { type: 'url'; url: string };
}

const DATA_URL = /^data:([^;,]+)((?:;[^;,]*)*);base64,(.*)$/s;

/**
 * An OpenAI `image_url` as an Anthropic image block: a base64 `data:` URL becomes a base64
 * source, an http(s) URL a url source. Anything else cannot be sent and is refused.
 */
export function convertImageUrl(url: string, param: string): AnthropicImageBlock {
  const data = DATA_URL.exec(url);
  if (data?.[1] !== undefined && data[3] !== undefined) {
    return { type: 'image', source: { type: 'base64', media_type: data[1], data: data[3] } };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw ProviderError.invalidRequest(
    'Images must be base64 data: URLs or http(s) URLs to be sent to anthropic.',
    param,
    'unsupported_parameter',
  );
}
