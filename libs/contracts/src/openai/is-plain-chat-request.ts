import {
  arrayOf,
  type Check,
  inRange,
  isBoolean,
  isNonEmptyString,
  isPositiveInt,
  isRecord,
  isString,
  literal,
  nullable,
  objectWith,
} from '../plain-json-checks.js';
import type { ChatCompletionRequest } from './chat-completion-request.js';

/**
 * Whether `body` is a chat request of the common kinds that `chatCompletionRequestSchema`
 * accepts exactly as it is: text (and refusal) content, tools, tool calls, the sampling fields.
 * `false` decides nothing: the schema then parses the body and names what is wrong. The schema
 * copies every object it checks (~9 µs of a two-message request on the gateway's hot path);
 * this check copies nothing, and a request it passes is the one the schema would return. For
 * parsed JSON only (plain objects and arrays, no `__proto__` keys: what the body parser gives).
 */
export function isPlainChatRequest(body: unknown): body is ChatCompletionRequest {
  if (!isRecord(body) || !isNonEmptyString(body.model)) return false;
  const { messages } = body;
  if (!Array.isArray(messages) || messages.length === 0 || !messages.every(isPlainMessage)) {
    return false;
  }
  return hasPlainFields(body);
}

/** Text and refusal parts; images, audio and files are left to the schema. */
const isPlainPart = (part: unknown): boolean =>
  isRecord(part) &&
  ((part.type === 'text' && isString(part.text)) ||
    (part.type === 'refusal' && isString(part.refusal)));
const isContent = (value: unknown): boolean =>
  value === null || isString(value) || (Array.isArray(value) && value.every(isPlainPart));
const isToolCall = objectWith(
  {
    id: isString,
    type: literal('function'),
    function: objectWith({ name: isString, arguments: isString }, ['name', 'arguments']),
  },
  ['id', 'type', 'function'],
);
const isToolCalls = arrayOf(isToolCall);
const isName = (message: Record<string, unknown>): boolean =>
  message.name === undefined || isString(message.name);

function isPlainMessage(message: unknown): boolean {
  if (!isRecord(message) || !isName(message)) return false;
  const { content } = message;
  switch (message.role) {
    case 'system':
    case 'developer':
    case 'user':
      return isContent(content);
    case 'assistant':
      return (
        (content === undefined || isContent(content)) &&
        (message.tool_calls === undefined || isToolCalls(message.tool_calls))
      );
    case 'tool':
      return isContent(content) && isString(message.tool_call_id);
    default:
      return false;
  }
}

const isTool = objectWith(
  {
    type: literal('function'),
    function: objectWith(
      {
        name: isNonEmptyString,
        description: isString,
        parameters: isRecord,
        strict: nullable(isBoolean),
      },
      ['name'],
    ),
  },
  ['type', 'function'],
);
const isFunctionChoice = objectWith(
  { type: literal('function'), function: objectWith({ name: isString }, ['name']) },
  ['type', 'function'],
);
const isToolChoice = (value: unknown): boolean =>
  value === 'none' || value === 'auto' || value === 'required' || isFunctionChoice(value);
const isJsonSchema = objectWith({ name: isString, schema: isRecord, strict: nullable(isBoolean) }, [
  'name',
]);
const isResponseFormat = (value: unknown): boolean =>
  isRecord(value) &&
  (value.type === 'text' ||
    value.type === 'json_object' ||
    (value.type === 'json_schema' && isJsonSchema(value.json_schema)));

/** The schema's optional fields and what each accepts (`model` and `messages` are checked first). */
const REQUEST_FIELDS: Readonly<Record<string, Check>> = {
  stream: nullable(isBoolean),
  stream_options: nullable(objectWith({ include_usage: isBoolean })),
  temperature: nullable(inRange(0, 2)),
  top_p: nullable(inRange(0, 1)),
  max_tokens: nullable(isPositiveInt()),
  max_completion_tokens: nullable(isPositiveInt()),
  stop: nullable((value) => isString(value) || arrayOf(isString, 4)(value)),
  n: nullable(isPositiveInt(128)),
  seed: nullable((value) => Number.isSafeInteger(value)),
  frequency_penalty: nullable(inRange(-2, 2)),
  presence_penalty: nullable(inRange(-2, 2)),
  user: isString,
  tools: arrayOf(isTool),
  tool_choice: isToolChoice,
  parallel_tool_calls: isBoolean,
  response_format: isResponseFormat,
  models: arrayOf(isNonEmptyString),
  provider: isRecord,
};
const hasPlainFields = objectWith(REQUEST_FIELDS);
