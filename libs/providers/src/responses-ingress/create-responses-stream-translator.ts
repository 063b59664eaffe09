import {
  type ChatCompletionChunk,
  chatCompletionChunkSchema,
  type ResponsesUsage,
} from '@switchyard/contracts';
import type { ChatStreamEncoder } from '../provider-adapter.js';
import { createSseParser } from '../shared/create-sse-parser.js';
import { openAiErrorBodySchema } from '../shared/openai-error-body-schema.js';
import { parseJson } from '../shared/parse-json.js';
import { createResponsesEventWriter } from './create-responses-event-writer.js';
import type { ResponsesContext } from './responses-shell.js';
import { toResponsesUsage } from './to-responses-usage.js';

/** The Responses egress of a translated stream, with the final Response once it is complete. */
export interface ResponsesStreamTranslator extends ChatStreamEncoder {
  /** The Response `response.completed` (or `.incomplete`) carried; undefined until then. */
  readonly response: Record<string, unknown> | undefined;
}

/**
 * An encoder writing a chat stream as the Responses API's typed events: `response.created` and
 * `response.in_progress` first, then per output item (reasoning, message, function call) its
 * `output_item.added`, deltas and `.done` events, and `response.completed` with the whole
 * output and usage. Typed chunks are read as they are; pass-through text (an OpenAI-compatible
 * upstream's chat events) is parsed once. An error ends the stream with an `error` event.
 */
export function createResponsesStreamTranslator(
  context: ResponsesContext,
): ResponsesStreamTranslator {
  const parser = createSseParser();
  const writer = createResponsesEventWriter(context);
  let out = '';
  let finished = false;
  let finishReason: string | undefined;
  let usage: ResponsesUsage | undefined;

  const onChunk = (chunk: ChatCompletionChunk): void => {
    if (finished) return;
    if (chunk.usage) usage = toResponsesUsage(chunk.usage);
    out += writer.start();
    const choice = chunk.choices?.[0];
    const delta = choice?.delta;
    out += writer.reasoning(delta?.reasoning ?? delta?.reasoning_content ?? '');
    out += writer.text(delta?.content ?? '');
    out += writer.refusal(delta?.refusal ?? '');
    (delta?.tool_calls ?? []).forEach((call, position) => {
      out += writer.functionCall({
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
    translator.response = writer.response;
  };
  const onError = (error: {
    message?: string | undefined;
    code?: string | null | undefined;
    param?: string | null | undefined;
  }): string => {
    if (finished) return '';
    finished = true;
    return writer.error({
      code: error.code ?? null,
      message: error.message ?? 'Upstream error.',
      param: error.param ?? null,
    });
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
      const error = failure.data.error;
      out += onError(
        typeof error === 'string'
          ? { message: error }
          : { message: error.message, code: typeof error.code === 'string' ? error.code : null },
      );
      return;
    }
    const chunk = chatCompletionChunkSchema.safeParse(payload);
    if (chunk.success) onChunk(chunk.data);
  };
  // `response` a field, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep this stream's Response alive past every young collection.
  const translator: TranslatorReport = {
    response: undefined,
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
    error: (error) =>
      onError({
        message: error.message,
        code: typeof error.code === 'string' ? error.code : null,
        param: typeof error.param === 'string' ? error.param : null,
      }),
    end() {
      for (const event of parser.end()) onData(event.data);
      const early = onError({
        message: 'The stream ended early, before it was complete.',
        code: 'incomplete_stream',
      });
      const text = out + early;
      out = '';
      return text;
    },
  };
  return translator;
}

/** The translator with its Response a field, set once `response.completed` is written. */
interface TranslatorReport extends ResponsesStreamTranslator {
  response: Record<string, unknown> | undefined;
}
