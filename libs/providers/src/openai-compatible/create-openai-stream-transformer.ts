import { StringDecoder } from 'node:string_decoder';
import { openAiUsageSchema, type TokenUsage } from '@switchyard/contracts';
import type { ChatStreamOptions, ChatStreamTransformer } from '../provider-adapter.js';
import { ProviderError } from '../provider-error.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';
import { parseOpenAiError } from './parse-openai-error.js';

/** A usage object with content (not `"usage": null`), however the server spaces its JSON. */
const USAGE_OBJECT = /"usage"\s*:\s*\{/;
/** An error event some servers send mid-stream: `data: {"error": {...}}`. */
const ERROR_EVENT = /^data:\s*\{\s*"error"\s*:/m;
/** A partial event this long without a blank line is not SSE: stop buffering it. */
const MAX_PENDING_CHARS = 8 * 1024 * 1024;
const DONE = /^data:\s*\[DONE\]\s*$/m;

/**
 * Pass-through for OpenAI-compatible SSE: complete events are forwarded as they arrive, byte for
 * byte, and only an event carrying usage is parsed — to record it, to add the caller's extra
 * usage fields, or to drop it when the caller did not ask for usage (Switchyard always asks).
 */
export function createOpenAiStreamTransformer(options: ChatStreamOptions): ChatStreamTransformer {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let usage: TokenUsage | undefined;
  let completed = false;
  let failure: ProviderError | undefined;

  /** An upstream error event: kept as the failure, not forwarded (the gateway writes its own). */
  const onErrorEvent = (event: string): string => {
    const error = safeJsonObject(dataOf(event) ?? '')?.error;
    const body = JSON.stringify({ error });
    const status =
      typeof error === 'object' &&
      error !== null &&
      'code' in error &&
      typeof error.code === 'number'
        ? error.code
        : 502;
    failure = parseOpenAiError(status >= 400 ? status : 502, body, {}, 0);
    return '';
  };
  const rewriteUsageEvent = (event: string): string => {
    const payload = dataOf(event);
    const chunk = payload === undefined ? undefined : safeJsonObject(payload);
    const parsed = openAiUsageSchema.safeParse(chunk?.usage);
    if (chunk === undefined || !parsed.success) return `${event}\n\n`;
    usage = convertOpenAiUsage(parsed.data);
    if (!options.includeUsage) {
      const choices = chunk.choices;
      if (!Array.isArray(choices) || choices.length === 0) return '';
      delete chunk.usage;
    } else if (options.annotateUsage) {
      chunk.usage = { ...parsed.data, ...options.annotateUsage(usage) };
    }
    return `data: ${JSON.stringify(chunk)}\n\n`;
  };

  const forwardComplete = (final = false): string => {
    if (pending.includes('\r')) {
      // A trailing CR may be the first half of a CRLF split across chunks: wait for its LF.
      const held = !final && pending.endsWith('\r') ? '\r' : '';
      pending = pending.slice(0, pending.length - held.length).replace(/\r\n?/g, '\n') + held;
    }
    const boundary = pending.lastIndexOf('\n\n');
    if (boundary === -1) return '';
    const complete = pending.slice(0, boundary + 2);
    pending = pending.slice(boundary + 2);
    if (!completed && DONE.test(complete)) completed = true;
    const hasError = ERROR_EVENT.test(complete);
    if (!hasError && !USAGE_OBJECT.test(complete)) return complete;
    let out = '';
    for (const event of complete.split('\n\n')) {
      if (event === '' || failure) continue;
      if (hasError && ERROR_EVENT.test(event)) out += onErrorEvent(event);
      else out += USAGE_OBJECT.test(event) ? rewriteUsageEvent(event) : `${event}\n\n`;
    }
    return out;
  };

  return {
    push(chunk) {
      if (failure) return '';
      pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (pending.length > MAX_PENDING_CHARS) {
        failure = new ProviderError(
          'The provider sent an event larger than 8 MiB; is it speaking SSE?',
          {
            kind: 'malformed_response',
            status: 200,
            code: null,
            retryable: false,
          },
        );
        pending = '';
        return '';
      }
      return forwardComplete();
    },
    end() {
      if (failure) return '';
      pending += decoder.end();
      if (pending.trim() === '') return '';
      pending += '\n\n';
      return forwardComplete(true);
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

/** The data of an SSE event (its `data:` lines joined), or undefined if it has none. */
function dataOf(event: string): string | undefined {
  let data: string | undefined;
  for (const line of event.split('\n')) {
    if (!line.startsWith('data:')) continue;
    const value = line.slice(line.startsWith('data: ') ? 6 : 5);
    data = data === undefined ? value : `${data}\n${value}`;
  }
  return data;
}

function safeJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
