import type { ChatCompletionRequest, ChatMessage, contentPartSchema } from '@switchyard/contracts';
import type { z } from 'zod';
import { convertMessagesTools } from './convert-messages-tools.js';
import { convertMessagesTurns, type Warn, withCacheControl } from './convert-messages-turns.js';
import type { MessagesRequest } from './messages-request-schema.js';

type ChatMessageContentPart = z.infer<typeof contentPartSchema>;

/** OpenAI accepts at most four stop sequences; Anthropic accepts more. */
const MAX_STOP_SEQUENCES = 4;

/** Request fields this layer translates (or reports itself); any other field gets a warning. */
const TRANSLATED_FIELDS = new Set([
  'model',
  'max_tokens',
  'messages',
  'system',
  'stop_sequences',
  'temperature',
  'top_p',
  'top_k',
  'stream',
  'tools',
  'tool_choice',
  'metadata',
  'thinking',
]);

/** A chat completions request and what could not be carried over exactly. */
export interface ConvertedMessagesRequest {
  request: ChatCompletionRequest;
  /** Human-readable notes for the `x-switchyard-warnings` header; nothing is dropped silently. */
  warnings: string[];
}

/**
 * An Anthropic Messages request as Switchyard's canonical OpenAI chat request. Streaming always
 * asks for usage, so the Anthropic `message_delta` can report it.
 */
export function convertMessagesRequest(request: MessagesRequest): ConvertedMessagesRequest {
  const warnings = new Set<string>();
  const warn = (warning: string) => warnings.add(warning);
  const messages: ChatMessage[] = [];
  const system = systemContent(request.system);
  if (system !== '') messages.push({ role: 'system', content: system });
  messages.push(...convertMessagesTurns(request.messages, warn));

  const chat: ChatCompletionRequest = {
    model: request.model,
    messages,
    max_tokens: request.max_tokens,
    ...samplingFields(request, warn),
    ...convertMessagesTools(request.tools, request.tool_choice, warn),
  };
  const effort = reasoningEffortOf(request.thinking);
  if (effort !== undefined) chat.reasoning_effort = effort;
  const userId = request.metadata?.user_id;
  if (typeof userId === 'string' && userId !== '') chat.user = userId;
  if (request.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  for (const field of Object.keys(request)) {
    if (!TRANSLATED_FIELDS.has(field)) warn(`${field} is not supported and was ignored`);
  }
  return { request: chat, warnings: [...warnings] };
}

/**
 * System text blocks are separate paragraphs (often split only for cache_control); with a
 * `cache_control` among them they stay parts, each mark on its part (OpenRouter's convention).
 */
function systemContent(system: MessagesRequest['system']): string | ChatMessageContentPart[] {
  if (system === undefined) return '';
  if (typeof system === 'string') return system;
  if (system.some((block) => block.cache_control != null)) {
    return system.map((block) => withCacheControl({ type: 'text', text: block.text }, block));
  }
  return system.map((block) => block.text).join('\n\n');
}

/** Thinking budgets up to which each effort is asked for (above the last: `high`). */
const EFFORT_BUDGETS: readonly [number, 'low' | 'medium'][] = [
  [2048, 'low'],
  [8192, 'medium'],
];

/**
 * Anthropic's `thinking` as OpenAI's `reasoning_effort`, which OpenAI, OpenRouter and the
 * Gemini adapter read: a budget up to 2,048 tokens is `low`, up to 8,192 `medium`, above `high`.
 */
function reasoningEffortOf(thinking: unknown): 'low' | 'medium' | 'high' | undefined {
  if (typeof thinking !== 'object' || thinking === null) return undefined;
  const { type, budget_tokens: budget } = thinking as Record<string, unknown>;
  if (type !== 'enabled') return undefined;
  if (typeof budget !== 'number') return 'medium';
  return EFFORT_BUDGETS.find(([limit]) => budget <= limit)?.[1] ?? 'high';
}

function samplingFields(
  request: MessagesRequest,
  warn: Warn,
): Pick<ChatCompletionRequest, 'temperature' | 'top_p' | 'stop'> {
  const fields: Pick<ChatCompletionRequest, 'temperature' | 'top_p' | 'stop'> = {};
  if (request.temperature !== undefined) fields.temperature = request.temperature;
  if (request.top_p !== undefined) fields.top_p = request.top_p;
  if (request.top_k !== undefined) warn('top_k has no OpenAI equivalent and was ignored');
  const stops = request.stop_sequences ?? [];
  if (stops.length > MAX_STOP_SEQUENCES) {
    warn(`only the first ${MAX_STOP_SEQUENCES} stop_sequences were kept`);
  }
  if (stops.length > 0) fields.stop = stops.slice(0, MAX_STOP_SEQUENCES);
  return fields;
}
