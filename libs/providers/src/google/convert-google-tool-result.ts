import type { ChatMessage } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { parseJsonObject } from '../shared/parse-json-object.js';
import type { GooglePart } from './google-content.js';

type ToolMessage = Extract<ChatMessage, { role: 'tool' }>;

/**
 * A `tool` message as a Gemini `functionResponse` part. Gemini matches results by function name,
 * so the name is looked up from the earlier assistant tool call with this `tool_call_id` (an
 * unknown id is refused). The response is the content itself when it is a JSON object, else
 * `{content: <text>}`.
 */
export function convertGoogleToolResult(
  message: ToolMessage,
  toolNames: ReadonlyMap<string, string>,
  param: string,
): GooglePart {
  const name = toolNames.get(message.tool_call_id);
  if (name === undefined) {
    throw ProviderError.invalidRequest(
      `No earlier assistant tool call has the id '${message.tool_call_id}'.`,
      `${param}.tool_call_id`,
      'invalid_value',
    );
  }
  const text = contentText(message.content);
  return { functionResponse: { name, response: jsonObjectOrNull(text) ?? { content: text } } };
}

function contentText(content: ToolMessage['content']): string {
  if (typeof content === 'string') return content;
  if (content === null) return '';
  return content
    .map((part) => (part.type === 'text' && 'text' in part ? String(part.text) : ''))
    .join('');
}

function jsonObjectOrNull(text: string): Record<string, unknown> | null {
  return parseJsonObject(text) ?? null;
}
