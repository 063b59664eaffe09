import { estimateTokens } from './estimate-tokens.js';

/**
 * An answer as the client received it, read only when needed: to estimate completion tokens
 * when the provider reported none, and for the request log.
 */
export interface Answer {
  /** Tokens of the generated text (content, reasoning, tool calls), counted with o200k. */
  completionTokens(): number;
  /** The answer as one JSON document (a stream assembled into a `chat.completion`). */
  json(): unknown;
  /** The JSON's text when it is already at hand (a body forwarded as is): logged without re-serialising. */
  readonly text?: string | undefined;
  /** Part of a long stream was not kept: `json()` holds only its beginning. */
  readonly truncated: boolean;
}

/**
 * The answer of a non-streaming completion (or any JSON answer without generated text), with
 * the upstream's text when the body is forwarded as written.
 */
export function jsonAnswer(body: Record<string, unknown>, text?: string): Answer {
  return {
    completionTokens: () => estimateTokens([generatedText(body.choices, 'message')]),
    json: () => body,
    text,
    truncated: false,
  };
}

/**
 * The text a model generated in OpenAI choices (`message` of a completion, `delta` of a chunk):
 * content, reasoning, refusals, tool-call names and arguments, which providers all bill as output.
 */
export function generatedText(choices: unknown, field: 'message' | 'delta'): string {
  if (!Array.isArray(choices)) return '';
  let text = '';
  for (const choice of choices) {
    const part = isObject(choice) ? choice[field] : undefined;
    if (!isObject(part)) continue;
    for (const key of ['content', 'reasoning_content', 'reasoning', 'refusal']) {
      const value = part[key];
      if (typeof value === 'string') text += value;
    }
    if (!Array.isArray(part.tool_calls)) continue;
    for (const call of part.tool_calls) {
      const fn = isObject(call) ? call.function : undefined;
      if (!isObject(fn)) continue;
      if (typeof fn.name === 'string') text += fn.name;
      if (typeof fn.arguments === 'string') text += fn.arguments;
    }
  }
  return text;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
