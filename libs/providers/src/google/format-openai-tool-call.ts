import type { ChatToolCall } from '@switchyard/contracts';
import type { GooglePartResponse } from './google-response-schema.js';

/** A Gemini `functionCall` part with its position among the candidate's calls. */
export interface GoogleFunctionCall {
  part: GooglePartResponse & { functionCall: NonNullable<GooglePartResponse['functionCall']> };
  index: number;
}

/**
 * An OpenAI tool call for a Gemini function call: Gemini's own `id` when it gives one, else the
 * deterministic `call_<index>_<name>`; `arguments` is the JSON of `args`. A thought signature is
 * handed out in `extra_content.google.thought_signature` (the field Google's own OpenAI endpoint
 * uses) so a client that sends the message back returns it, as Gemini 3 requires.
 */
export function formatOpenAiToolCall({ part, index }: GoogleFunctionCall): ChatToolCall {
  const { id, name, args } = part.functionCall;
  const call: ChatToolCall = {
    id: id || `call_${index}_${name}`,
    type: 'function',
    function: { name, arguments: JSON.stringify(args ?? {}) },
  };
  if (part.thoughtSignature) {
    call.extra_content = { google: { thought_signature: part.thoughtSignature } };
  }
  return call;
}
