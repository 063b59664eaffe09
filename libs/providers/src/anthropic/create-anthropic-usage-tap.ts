import type { TokenUsage } from '@switchyard/contracts';
import type { StreamUsageTap } from '../native-messages-adapter.js';
import { ProviderError } from '../provider-error.js';
import { createSseParser } from '../shared/create-sse-parser.js';
import { isPlainObject } from '../shared/is-plain-object.js';
import { parseJson } from '../shared/parse-json.js';
import type { SseEvent } from '../shared/parse-sse-events.js';
import { type AnthropicUsage, anthropicUsageSchema } from './anthropic-usage-schema.js';
import { convertAnthropicUsage } from './convert-anthropic-usage.js';
import { convertStreamError } from './convert-stream-error.js';

/** The events a tap reads; every other event passes unparsed. */
const READ = new Set(['message_start', 'message_delta', 'message_stop', 'error']);

/**
 * Reads an Anthropic Messages stream relayed byte for byte: usage from `message_start`
 * (`message.usage`) and `message_delta` (cumulative `usage`), the end at `message_stop`, and an
 * `error` event as the failure. Content events are framed but never parsed as JSON.
 */
export function createAnthropicUsageTap(): StreamUsageTap {
  const parser = createSseParser();
  let usage: AnthropicUsage | undefined;

  const merge = (reported: unknown): void => {
    const parsed = anthropicUsageSchema.safeParse(reported);
    if (!parsed.success) return;
    const merged: AnthropicUsage = { ...usage };
    for (const [field, value] of Object.entries(parsed.data)) {
      if (typeof value === 'number' || (field === 'cache_creation' && value != null)) {
        merged[field] = value;
      }
    }
    usage = merged;
    tap.usage = convertAnthropicUsage(merged).tokens;
  };
  const onEvent = (sse: SseEvent): void => {
    if (tap.completed || tap.failure !== undefined) return;
    if (sse.event !== undefined && !READ.has(sse.event)) return;
    const data = parseJson(sse.data);
    if (!isPlainObject(data)) {
      tap.failure = ProviderError.malformed('stream event', 'anthropic');
      return;
    }
    if (data.type === 'message_start' && isPlainObject(data.message)) merge(data.message.usage);
    else if (data.type === 'message_delta') merge(data.usage);
    else if (data.type === 'message_stop') tap.completed = true;
    else if (data.type === 'error') {
      const error = isPlainObject(data.error) ? data.error : {};
      tap.failure = convertStreamError({
        type: typeof error.type === 'string' ? error.type : 'api_error',
        message: typeof error.message === 'string' ? error.message : undefined,
      });
    }
  };

  // Plain fields, not getters: V8 allocates an object's own accessor pair in the old generation,
  // where it would keep these closures, and the stream they reach, past every young collection.
  const tap: StreamUsageTap & TapReport = {
    usage: undefined,
    completed: false,
    failure: undefined,
    push(chunk) {
      for (const event of parser.push(chunk)) onEvent(event);
    },
    end() {
      for (const event of parser.end()) onEvent(event);
    },
  };
  return tap;
}

/** What the tap reports, updated as events arrive. */
interface TapReport {
  usage: TokenUsage | undefined;
  completed: boolean;
  failure: ProviderError | undefined;
}
