import type { TokenUsage } from '@switchyard/contracts';
import type { ChatStreamOptions, ChatStreamTransformer } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { convertGoogleStreamEvent, type GoogleStreamState } from './convert-google-stream-event.js';
import { convertGoogleUsage } from './convert-google-usage.js';
import { createSseDataReader } from './create-sse-data-reader.js';
import { formatOpenAiUsage } from './format-openai-usage.js';
import { googleResponseId } from './google-response-id.js';
import { readGoogleStreamEvent } from './read-google-stream-event.js';

/**
 * Turns Gemini's `streamGenerateContent?alt=sse` events (each a partial
 * `GenerateContentResponse`) into OpenAI chunks as they complete. Usage is cumulative, so the
 * last `usageMetadata` wins. Gemini sends no `[DONE]`: when the upstream ends after a finish
 * reason, the usage chunk (if asked for, with the annotated fields) and `data: [DONE]` follow
 * and the stream is completed; without one it is not. An `{"error": …}` event or a body that
 * is not JSON ends the stream with an error event and sets `failure`.
 */
export function createGoogleStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer {
  const reader = createSseDataReader();
  let state: GoogleStreamState | undefined;
  let usage: TokenUsage | undefined;
  let completed = false;
  let failure: ProviderError | undefined;

  const fail = (error: ProviderError): string => {
    failure = error;
    return '';
  };

  const handle = (data: string): string => {
    if (failure !== undefined || data.trim() === '') return '';
    const event = readGoogleStreamEvent(data);
    if (event instanceof ProviderError) return fail(event);
    state ??= {
      meta: {
        id: googleResponseId(event.responseId, data),
        created: options.createdAtSeconds,
        model: event.modelVersion || options.upstreamModel,
      },
      candidates: new Map(),
      finished: false,
    };
    if (event.usageMetadata) usage = convertGoogleUsage(event.usageMetadata);
    return convertGoogleStreamEvent(event, state)
      .map((chunk) => `data: ${JSON.stringify(chunk)}\n\n`)
      .join('');
  };

  const finish = (): string => {
    if (failure !== undefined || state === undefined || !state.finished || completed) return '';
    completed = true;
    let out = '';
    if (options.includeUsage && usage !== undefined) {
      const usageObject = { ...formatOpenAiUsage(usage), ...options.annotateUsage?.(usage) };
      const chunk = {
        ...state.meta,
        object: 'chat.completion.chunk',
        choices: [],
        usage: usageObject,
      };
      out += `data: ${JSON.stringify(chunk)}\n\n`;
    }
    return `${out}data: [DONE]\n\n`;
  };

  return {
    push(chunk) {
      if (failure !== undefined) return '';
      return reader.push(chunk).map(handle).join('');
    },
    end() {
      if (failure !== undefined) return '';
      return reader.end().map(handle).join('') + finish();
    },
    get usage() {
      return usage;
    },
    get completed() {
      return completed;
    },
    get failure() {
      return failure;
    },
  };
}
