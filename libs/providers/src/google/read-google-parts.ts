import type { GoogleFunctionCall } from './format-openai-tool-call.js';
import type { GooglePartResponse } from './google-response-schema.js';

/** What a candidate's parts say: its visible text and its function calls. */
export interface GoogleCandidateParts {
  /** The text parts joined, thought summaries left out; null when there are none. */
  text: string | null;
  /** The thought summaries joined (Gemini's `thought: true` parts); null when there are none. */
  reasoning: string | null;
  functionCalls: GoogleFunctionCall[];
}

/**
 * Splits a candidate's parts into answer text, thought summaries and function calls. `firstCallIndex` numbers the
 * calls when a stream delivers them over several events.
 */
export function readGoogleParts(
  parts: readonly GooglePartResponse[] | null | undefined,
  firstCallIndex = 0,
): GoogleCandidateParts {
  let text: string | null = null;
  let reasoning: string | null = null;
  const functionCalls: GoogleFunctionCall[] = [];
  for (const part of parts ?? []) {
    if (part.functionCall) {
      const { functionCall } = part;
      functionCalls.push({
        part: { ...part, functionCall },
        index: firstCallIndex + functionCalls.length,
      });
    } else if (typeof part.text === 'string' && part.thought === true) {
      reasoning = (reasoning ?? '') + part.text;
    } else if (typeof part.text === 'string') {
      text = (text ?? '') + part.text;
    }
  }
  return { text, reasoning, functionCalls };
}
