import { z } from 'zod';
import { createMessagesEventWriter } from './create-messages-event-writer.js';
import { createSseDataReader } from './create-sse-data-reader.js';
import { messagesErrorType } from './messages-error-type.js';
import { type MessagesUsage, toMessagesUsage } from './to-messages-usage.js';

const toolCallDeltaSchema = z.looseObject({
  index: z.number().int().nonnegative().optional(),
  id: z.string().nullable().optional(),
  function: z
    .looseObject({
      name: z.string().nullable().optional(),
      arguments: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
});

const chunkSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        delta: z
          .looseObject({
            content: z.string().nullable().optional(),
            refusal: z.string().nullable().optional(),
            tool_calls: z.array(toolCallDeltaSchema).nullable().optional(),
          })
          .nullable()
          .optional(),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .nullable()
    .optional(),
  usage: z.unknown().optional(),
});

const errorEventSchema = z.looseObject({
  error: z.union([
    z.string(),
    z.looseObject({
      message: z.string().optional(),
      type: z.string().nullable().optional(),
      code: z.union([z.string(), z.number()]).nullable().optional(),
    }),
  ]),
});

export interface MessagesStreamTranslatorOptions {
  /** The model name the client sent, echoed in `message_start`. */
  requestedModel: string;
  /** The `msg_…` id of the message being streamed. */
  messageId: string;
}

/** Turns the gateway's OpenAI SSE text into Anthropic Messages SSE text, synchronously. */
export interface MessagesStreamTranslator {
  /** More OpenAI SSE text in (events may be split anywhere); the Anthropic events to send out. */
  push(openAiSse: string): string;
  /** The OpenAI stream ended; the last Anthropic events (an `error` if it ended without `[DONE]`). */
  end(): string;
}

/**
 * A translator for one streamed message: `message_start` on the first chunk, a text or
 * `tool_use` content block per run of text or tool call, and at `[DONE]` the `message_delta`
 * with stop reason and usage, then `message_stop`. An OpenAI error event becomes a final
 * Anthropic `error` event; nothing is written after it.
 */
export function createMessagesStreamTranslator(
  options: MessagesStreamTranslatorOptions,
): MessagesStreamTranslator {
  const reader = createSseDataReader();
  const writer = createMessagesEventWriter(options);
  let finished = false;
  let finishReason: string | undefined;
  let usage: MessagesUsage | undefined;

  const onChunk = (payload: unknown): string => {
    const chunk = chunkSchema.safeParse(payload);
    if (!chunk.success) return '';
    usage = toMessagesUsage(chunk.data.usage) ?? usage;
    const choice = chunk.data.choices?.[0];
    const delta = choice?.delta;
    let out = writer.start(usage);
    out += writer.text(delta?.content ?? '', 'text');
    out += writer.text(delta?.refusal ?? '', 'refusal');
    (delta?.tool_calls ?? []).forEach((call, position) => {
      out += writer.toolCall({
        key: call.index ?? position,
        id: call.id ?? undefined,
        name: call.function?.name ?? undefined,
        arguments: call.function?.arguments ?? undefined,
      });
    });
    finishReason = choice?.finish_reason ?? finishReason;
    return out;
  };

  const onData = (data: string): string => {
    if (finished) return '';
    if (data.trim() === '[DONE]') {
      finished = true;
      return writer.finish(finishReason, usage);
    }
    const payload = safeJson(data);
    const failure = errorEventSchema.safeParse(payload);
    if (!failure.success) return onChunk(payload);
    finished = true;
    const { error } = failure.data;
    return typeof error === 'string'
      ? writer.error('api_error', error)
      : writer.error(messagesErrorType(undefined, error), error.message ?? 'Upstream error.');
  };

  return {
    push: (openAiSse) => reader.push(openAiSse).map(onData).join(''),
    end() {
      const out = reader.flush().map(onData).join('');
      if (finished) return out;
      finished = true;
      return `${out}${writer.error('api_error', 'The stream ended early, before it was complete.')}`;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
