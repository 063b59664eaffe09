import type { ChatCompletionRequest, ChatMessage } from '@switchyard/contracts';
import { convertMessagesTools } from './convert-messages-tools.js';
import { convertMessagesTurns, type Warn } from './convert-messages-turns.js';
import type { MessagesRequest } from './messages-request-schema.js';

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
  const system = systemText(request.system);
  if (system !== '') messages.push({ role: 'system', content: system });
  messages.push(...convertMessagesTurns(request.messages, warn));

  const chat: ChatCompletionRequest = {
    model: request.model,
    messages,
    max_tokens: request.max_tokens,
    ...samplingFields(request, warn),
    ...convertMessagesTools(request.tools, request.tool_choice, warn),
  };
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

/** System text blocks are separate paragraphs (often split only for cache_control). */
function systemText(system: MessagesRequest['system']): string {
  if (system === undefined) return '';
  if (typeof system === 'string') return system;
  return system.map((block) => block.text).join('\n\n');
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
