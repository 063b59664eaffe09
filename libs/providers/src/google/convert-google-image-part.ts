import { ProviderError } from '../provider-error.js';

/** A Gemini part carrying media: bytes inline, or a URI Gemini fetches itself. */
export type GoogleMediaPart =
  | { inlineData: { mimeType: string; data: string } }
  | { fileData: { mimeType: string; fileUri: string } };

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
};

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*?)(;base64)?,(.*)$/s;

/**
 * An OpenAI `image_url` as a Gemini part. A `data:` URL becomes `inlineData`; an http(s) URL
 * becomes `fileData` with a MIME type guessed from the extension (default `image/jpeg`). Gemini
 * only fetches some URIs (its Files API, and public URLs on recent models) and may refuse others
 * with a 400. Any other scheme is refused here.
 */
export function convertGoogleImagePart(url: string, param: string): GoogleMediaPart {
  const dataUrl = DATA_URL.exec(url);
  if (dataUrl !== null) {
    const [, mimeType, , base64, payload = ''] = dataUrl;
    const data = base64
      ? payload
      : Buffer.from(decodeURIComponent(payload), 'utf8').toString('base64');
    return { inlineData: { mimeType: mimeType || 'image/jpeg', data } };
  }
  if (/^https?:\/\//i.test(url)) {
    return { fileData: { mimeType: guessImageMimeType(url), fileUri: url } };
  }
  throw ProviderError.invalidRequest(
    'google accepts images as data: URLs or http(s) URLs only.',
    param,
    'invalid_value',
  );
}

function guessImageMimeType(url: string): string {
  const path = url.replace(/[?#].*$/s, '');
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension && IMAGE_TYPES[extension]) || 'image/jpeg';
}
