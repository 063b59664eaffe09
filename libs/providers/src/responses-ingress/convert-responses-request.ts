import type {
  ChatCompletionRequest,
  ChatMessage,
  ResponsesInputItem,
  ResponsesRequest,
} from '@switchyard/contracts';
import { convertResponsesInput } from './convert-responses-input.js';
import { convertResponsesTools } from './convert-responses-tools.js';

/** Request fields this layer translates, or that the gateway handles itself. */
const TRANSLATED_FIELDS = new Set([
  'model',
  'input',
  'instructions',
  'previous_response_id',
  'store',
  'stream',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'text',
  'reasoning',
  'max_output_tokens',
  'temperature',
  'top_p',
  'metadata',
  'user',
  'models',
  'provider',
  // Asks OpenAI to return extra item fields (encrypted reasoning…): nothing to carry elsewhere.
  'include',
  // OpenAI's prompt-cache routing hint and tracing fields: no effect on the answer.
  'prompt_cache_key',
  'safety_identifier',
  'service_tier',
  'truncation',
]);

/** A chat completions request and what could not be carried over exactly. */
export interface ConvertedResponsesRequest {
  request: ChatCompletionRequest;
  /** Human-readable notes for the `x-switchyard-warnings` header; nothing is dropped silently. */
  warnings: string[];
}

/**
 * A Responses request as Switchyard's canonical chat request, for providers that do not speak
 * the Responses API. `history` is the conversation of `previous_response_id` (its input and
 * output items), put before this request's input. `instructions` becomes the first system
 * message; `text.format` becomes `response_format`, `reasoning.effort` `reasoning_effort`,
 * `max_output_tokens` `max_tokens`. Streams always ask for usage.
 */
export function convertResponsesRequest(
  request: ResponsesRequest,
  history: readonly ResponsesInputItem[] = [],
): ConvertedResponsesRequest {
  const warnings = new Set<string>();
  const warn = (warning: string) => warnings.add(warning);
  const messages: ChatMessage[] = [];
  if (request.instructions != null && request.instructions !== '') {
    messages.push({ role: 'system', content: request.instructions });
  }
  messages.push(...convertResponsesInput(history, warn));
  messages.push(...convertResponsesInput(request.input ?? [], warn));
  const chat: ChatCompletionRequest = {
    model: request.model,
    messages,
    ...convertResponsesTools(request, warn),
  };
  if (request.max_output_tokens != null) chat.max_tokens = request.max_output_tokens;
  if (request.temperature != null) chat.temperature = request.temperature;
  if (request.top_p != null) chat.top_p = request.top_p;
  if (request.user !== undefined) chat.user = request.user;
  if (request.models !== undefined) chat.models = request.models;
  if (request.provider !== undefined) chat.provider = request.provider;
  const format = request.text?.format;
  if (format?.type === 'json_object') chat.response_format = { type: 'json_object' };
  if (format?.type === 'json_schema') {
    chat.response_format = {
      type: 'json_schema',
      json_schema: {
        name: format.name,
        schema: format.schema,
        ...(format.description != null && { description: format.description }),
        ...(format.strict != null && { strict: format.strict }),
      },
    };
  }
  if (request.text?.verbosity != null) {
    warn('text.verbosity is only served by OpenAI routes and was ignored');
  }
  const effort = request.reasoning?.effort;
  if (effort != null) chat.reasoning_effort = effort;
  if (request.background === true)
    warn('background is only served by OpenAI routes and was ignored');
  if (request.stream === true) {
    chat.stream = true;
    chat.stream_options = { include_usage: true };
  }
  for (const field of Object.keys(request)) {
    if (!TRANSLATED_FIELDS.has(field) && field !== 'background') {
      warn(`${field} is not supported and was ignored`);
    }
  }
  return { request: chat, warnings: [...warnings] };
}
