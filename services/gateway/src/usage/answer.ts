import {
  type ChatCompletionMessage,
  type ChatDelta,
  chatCompletionSchema,
} from '@switchyard/contracts';
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
    completionTokens: () => estimateTokens([completionText(body)]),
    json: () => body,
    text,
    truncated: false,
  };
}

/** The generated text of a chat completion body; other JSON (embeddings) has none. */
export function completionText(body: unknown): string {
  const parsed = chatCompletionSchema.safeParse(body);
  return parsed.success ? generatedText(parsed.data.choices.map((choice) => choice.message)) : '';
}

/**
 * The text a model generated in OpenAI messages (of a completion) or deltas (of chunks):
 * content, reasoning, refusals, tool-call names and arguments, which providers all bill as output.
 */
export function generatedText(
  parts: Iterable<ChatCompletionMessage | ChatDelta | null | undefined>,
): string {
  let text = '';
  for (const part of parts) {
    if (part == null) continue;
    for (const value of [part.content, part.reasoning_content, part.reasoning, part.refusal]) {
      if (typeof value === 'string') text += value;
    }
    for (const call of part.tool_calls ?? []) {
      text += call.function?.name ?? '';
      text += call.function?.arguments ?? '';
    }
  }
  return text;
}
