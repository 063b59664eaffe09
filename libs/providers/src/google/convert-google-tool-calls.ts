import type { ChatMessage } from '@switchyard/contracts';
import { ProviderError } from '../provider-error.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';
import type { GoogleFunctionCallPart } from './google-content.js';

type AssistantMessage = Extract<ChatMessage, { role: 'assistant' }>;

/**
 * An assistant message's `tool_calls` as Gemini `functionCall` parts. Arguments must be a JSON
 * object (an empty string counts as `{}`); anything else is refused. A thought signature given
 * back in `extra_content.google.thought_signature` (how Switchyard hands it out) rides along.
 */
export function convertGoogleToolCalls(
  message: AssistantMessage,
  param: string,
): GoogleFunctionCallPart[] {
  return (message.tool_calls ?? []).map((call, index) => {
    const argumentsParam = `${param}.tool_calls[${index}].function.arguments`;
    const part: GoogleFunctionCallPart = {
      functionCall: {
        name: call.function.name,
        args: parseArguments(call.function.arguments, argumentsParam),
      },
    };
    const signature = thoughtSignatureOf(call.extra_content);
    if (signature !== undefined) part.thoughtSignature = signature;
    return part;
  });
}

function parseArguments(text: string, param: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  const value = parseJson(text);
  if (value === undefined) {
    throw ProviderError.invalidRequest(
      'Tool call arguments are not valid JSON.',
      param,
      'invalid_value',
    );
  }
  if (!isPlainObject(value)) {
    throw ProviderError.invalidRequest(
      'google needs tool call arguments to be a JSON object.',
      param,
      'invalid_value',
    );
  }
  return value;
}

function thoughtSignatureOf(extraContent: unknown): string | undefined {
  if (!isPlainObject(extraContent) || !isPlainObject(extraContent.google)) return undefined;
  const signature = extraContent.google.thought_signature;
  return typeof signature === 'string' && signature !== '' ? signature : undefined;
}
