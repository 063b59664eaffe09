import type { ResponsesContentPart } from '@switchyard/contracts';

/** The image details chat requests know. */
const CHAT_DETAILS = ['auto', 'low', 'high'] as const;

/** A chat content part, as `messages[].content` takes it. */
export type ChatPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } }
  | { type: 'input_audio'; input_audio: { data: string; format: string } }
  | { type: 'file'; file: { file_data?: string; file_id?: string; filename?: string } };

/**
 * One Responses content part as a chat part: `input_text`/`output_text` → text, `input_image`
 * → image_url (a `file_id` image as OpenAI's file reference is not carriable: warned, dropped),
 * `input_file` → file, `input_audio` as it is; a refusal becomes text.
 */
export function convertResponsesContent(
  part: ResponsesContentPart,
  warn: (warning: string) => void,
): ChatPart | undefined {
  switch (part.type) {
    case 'input_text':
    case 'output_text':
      return { type: 'text', text: part.text };
    case 'refusal':
      return { type: 'text', text: part.refusal };
    case 'input_image': {
      if (part.image_url == null) {
        warn(
          'input_image parts given by file_id are only served by OpenAI routes and were dropped',
        );
        return undefined;
      }
      const detail = CHAT_DETAILS.find((known) => known === part.detail);
      if (part.detail != null && detail === undefined) {
        warn(`input_image detail ${part.detail} is only served by OpenAI routes; auto was used`);
      }
      return { type: 'image_url', image_url: { url: part.image_url, ...(detail && { detail }) } };
    }
    case 'input_file': {
      if (part.file_url != null && part.file_data == null && part.file_id == null) {
        warn(
          'input_file parts given by file_url are only served by OpenAI routes and were dropped',
        );
        return undefined;
      }
      return {
        type: 'file',
        file: {
          ...(part.file_data != null && { file_data: part.file_data }),
          ...(part.file_id != null && { file_id: part.file_id }),
          ...(part.filename != null && { filename: part.filename }),
        },
      };
    }
    case 'input_audio':
      return { type: 'input_audio', input_audio: part.input_audio };
  }
}

/** Parts as chat content: plain text when they are all text (what every provider reads best). */
export function chatContent(parts: readonly ChatPart[]): string | ChatPart[] {
  if (parts.every((part) => part.type === 'text')) {
    return parts.map((part) => (part.type === 'text' ? part.text : '')).join('');
  }
  return [...parts];
}
