import { StringDecoder } from 'node:string_decoder';
import { openAiUsageSchema, type TokenUsage } from '@switchyard/contracts';
import type { ChatStreamOptions, ChatStreamTransformer } from '../provider-adapter.js';
import { convertOpenAiUsage } from './convert-openai-usage.js';

/** A usage object with content (not `"usage": null`), however the server spaces its JSON. */
const USAGE_OBJECT = /"usage"\s*:\s*\{/;
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
    if (!USAGE_OBJECT.test(complete)) return complete;
    let out = '';
    for (const event of complete.split('\n\n')) {
      if (event === '') continue;
      out += USAGE_OBJECT.test(event) ? rewriteUsageEvent(event) : `${event}\n\n`;
    }
    return out;
  };

  return {
    push(chunk) {
      pending += decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      return forwardComplete();
    },
    end() {
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
    // Pass-through: an upstream error event reaches the client as the upstream wrote it.
    failure: undefined,
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
