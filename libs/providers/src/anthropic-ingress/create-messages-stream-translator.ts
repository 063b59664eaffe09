import { type ChatCompletionChunk, chatCompletionChunkSchema } from '@switchyard/contracts';
import type { ChatStreamEncoder } from '../provider-adapter.js';
import { createSseParser } from '../shared/create-sse-parser.js';
import { openAiErrorBodySchema } from '../shared/openai-error-body-schema.js';
import { parseJson } from '../shared/parse-json.js';
import { createMessagesEventWriter } from './create-messages-event-writer.js';
import { messagesErrorType, type OpenAiErrorFields } from './messages-error-type.js';
import { signatureOf } from './signature-of.js';
import { type MessagesUsage, toMessagesUsage } from './to-messages-usage.js';

export interface MessagesStreamTranslatorOptions {
  /** The model name the client sent, echoed in `message_start`. */
  requestedModel: string;
  /** The `msg_…` id of the message being streamed. */
  messageId: string;
}

/** The Anthropic Messages egress: a chat stream's output written as Anthropic SSE text. */
export type MessagesStreamTranslator = ChatStreamEncoder;

/**
 * An encoder for one streamed message: `message_start` on the first chunk, a text or `tool_use`
 * content block per run of text or tool call, and at the end the `message_delta` with stop
 * reason and usage, then `message_stop`. Typed chunks are read as they are; pass-through text
 * (an OpenAI-compatible upstream's events) is parsed once, and an error event in it or a
 * failure ends the message with an Anthropic `error` event; nothing is written after it.
 */
export function createMessagesStreamTranslator(
  options: MessagesStreamTranslatorOptions,
): MessagesStreamTranslator {
  const parser = createSseParser();
  const writer = createMessagesEventWriter(options);
  let out = '';
  let finished = false;
  let finishReason: string | undefined;
  let usage: MessagesUsage | undefined;

  const onChunk = (chunk: ChatCompletionChunk): void => {
    if (finished) return;
    usage = toMessagesUsage(chunk.usage) ?? usage;
    const choice = chunk.choices?.[0];
    const delta = choice?.delta;
    out += writer.start(usage);
    const reasoning = delta?.reasoning ?? delta?.reasoning_content ?? '';
    out += writer.thinking(reasoning, signatureOf(delta?.reasoning_details));
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
  };

  const onDone = (): void => {
    if (finished) return;
    finished = true;
    out += writer.finish(finishReason, usage);
  };

  const onError = (
    error: string | (OpenAiErrorFields & { message?: string | undefined }),
  ): string => {
    if (finished) return '';
    finished = true;
    return typeof error === 'string'
      ? writer.error('api_error', error)
      : writer.error(messagesErrorType(undefined, error), error.message ?? 'Upstream error.');
  };

  const onData = (data: string): void => {
    if (finished) return;
    if (data.trim() === '[DONE]') {
      onDone();
      return;
    }
    const payload = parseJson(data);
    const failure = openAiErrorBodySchema.safeParse(payload);
    if (failure.success) {
      out += onError(failure.data.error);
      return;
    }
    const chunk = chatCompletionChunkSchema.safeParse(payload);
    if (chunk.success) onChunk(chunk.data);
  };

  return {
    chunk: onChunk,
    passThrough(sse) {
      for (const event of parser.push(sse)) onData(event.data);
    },
    done: onDone,
    take() {
      const text = out;
      out = '';
      return text;
    },
    error: onError,
    end() {
      for (const event of parser.end()) onData(event.data);
      const early = onError({
        message: 'The stream ended early, before it was complete.',
        type: 'api_error',
      });
      const text = out + early;
      out = '';
      return text;
    },
  };
}
