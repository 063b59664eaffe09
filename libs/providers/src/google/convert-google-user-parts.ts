import type { ChatMessage } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { ignoredFieldWarning } from '../shared/ignored-field-warning.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { convertGoogleImagePart } from './convert-google-image-part.js';
import type { GooglePart } from './google-content.js';

/** Options of {@link convertGoogleUserParts}. */
export interface UserPartsOptions {
  /** Where the content sits in the request, for error params (e.g. `messages[2].content`). */
  param: string;
  /** Collects notes for what was carried over inexactly. */
  warn: (warning: string) => void;
}

/**
 * A message's content as Gemini parts: a string or `text` parts → `{text}`, `image_url` →
 * `inlineData`/`fileData`, `input_audio` → `inlineData` (`audio/<format>`), a `file` given as a
 * data URL → `inlineData`. Other part types (and files by id) cannot be carried and are refused.
 */
export function convertGoogleUserParts(
  content: ChatMessage['content'] | undefined,
  options: UserPartsOptions,
): GooglePart[] {
  if (content === null || content === undefined) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  return content.map((part, index) => convertPart(part, `${options.param}[${index}]`, options));
}

function convertPart(part: unknown, param: string, options: UserPartsOptions): GooglePart {
  if (!isPlainObject(part))
    throw ProviderError.unsupported('A content part must be an object.', param);
  if (part.type === 'text' && typeof part.text === 'string') return { text: part.text };
  if (part.type === 'image_url' && isPlainObject(part.image_url)) {
    const { url, detail } = part.image_url;
    if (typeof url === 'string') {
      if (detail !== undefined && detail !== 'auto') {
        options.warn(ignoredFieldWarning('google', 'image_url.detail'));
      }
      return convertGoogleImagePart(url, `${param}.image_url.url`);
    }
  }
  if (part.type === 'input_audio' && isPlainObject(part.input_audio)) {
    const { data, format } = part.input_audio;
    if (typeof data === 'string' && typeof format === 'string') {
      return { inlineData: { mimeType: `audio/${format}`, data } };
    }
  }
  if (part.type === 'file' && isPlainObject(part.file)) {
    const fileData = part.file.file_data;
    if (typeof fileData === 'string' && fileData.startsWith('data:')) {
      return convertGoogleImagePart(fileData, `${param}.file.file_data`);
    }
  }
  throw ProviderError.unsupported(
    `Content parts of type '${String(part.type)}' in this form are not supported by google.`,
    `${param}.type`,
  );
}
