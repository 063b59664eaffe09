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
} from '../../plain-json-checks.js';
import type { ResponsesRequest } from './responses-request.js';

/**
 * Whether `body` is a Responses request of the kinds a coding agent sends (Codex: instructions,
 * function tools, messages, function calls and their outputs, reasoning items) that
 * `responsesRequestSchema` accepts exactly as it is. `false` decides nothing: the schema then
 * parses the body and names what is wrong. The schema copies every object it checks (~115 µs of
 * a 120 KB agent turn on the gateway); this check copies nothing, and a request it passes is the
 * one the schema would return. A message item without its `type` (which the schema adds) is left
 * to the schema. For parsed JSON only (plain objects and arrays, no `__proto__` keys).
 */
export function isPlainResponsesRequest(body: unknown): body is ResponsesRequest {
  if (!isRecord(body) || !isNonEmptyString(body.model)) return false;
  const { input } = body;
  if (input !== undefined && !isString(input) && !arrayOf(isPlainItem)(input)) return false;
  return hasPlainFields(body);
}

const isTextOf = (type: string, field: string): Check =>
  objectWith({ type: literal(type), [field]: isString }, ['type', field]);
const isPlainPart: Check = (part) =>
  isTextOf('input_text', 'text')(part) ||
  isTextOf('output_text', 'text')(part) ||
  isTextOf('refusal', 'refusal')(part);
const isSummary = arrayOf(objectWith({ type: isString, text: isString }, ['type', 'text']));
const ROLES = new Set(['user', 'assistant', 'system', 'developer']);

const isMessage = objectWith(
  {
    id: isString,
    role: (role) => typeof role === 'string' && ROLES.has(role),
    content: (content) => isString(content) || arrayOf(isPlainPart)(content),
    status: isString,
  },
  ['role', 'content'],
);
const isFunctionCall = objectWith(
  {
    id: isString,
    call_id: isNonEmptyString,
    name: isNonEmptyString,
    arguments: isString,
    status: isString,
  },
  ['call_id', 'name', 'arguments'],
);
const isFunctionCallOutput = objectWith(
  {
    id: nullable(isString),
    call_id: isNonEmptyString,
    output: isString,
    status: nullable(isString),
  },
  ['call_id', 'output'],
);
const isReasoning = objectWith({
  id: isString,
  summary: isSummary,
  content: nullable(isSummary),
  encrypted_content: nullable(isString),
  status: isString,
});

function isPlainItem(item: unknown): boolean {
  if (!isRecord(item)) return false;
  switch (item.type) {
    case 'message':
      return isMessage(item);
    case 'function_call':
      return isFunctionCall(item);
    case 'function_call_output':
      return isFunctionCallOutput(item);
    case 'reasoning':
      return isReasoning(item);
    default:
      return false;
  }
}

const isFunctionTool = objectWith(
  {
    name: isNonEmptyString,
    description: nullable(isString),
    parameters: nullable(isRecord),
    strict: nullable(isBoolean),
  },
  ['name'],
);
/** A function tool checked; a built-in one (`web_search`…) any object with another type. */
const isTool: Check = (tool) =>
  isRecord(tool) && (tool.type === 'function' ? isFunctionTool(tool) : isNonEmptyString(tool.type));
const isToolChoice: Check = (choice) =>
  choice === 'none' ||
  choice === 'auto' ||
  choice === 'required' ||
  (isRecord(choice) && isNonEmptyString(choice.type) && choice.type !== 'function') ||
  objectWith({ type: literal('function'), name: isNonEmptyString }, ['type', 'name'])(choice);
/** `text` without a format, or plain text or JSON mode; a JSON schema is left to the schema. */
const isText: Check = (text) =>
  isRecord(text) &&
  (text.format === undefined ||
    (isRecord(text.format) && (text.format.type === 'text' || text.format.type === 'json_object')));
const isStringRecord: Check = (value) => isRecord(value) && Object.values(value).every(isString);

/** The schema's optional fields and what each accepts (`model` and `input` are checked first). */
const REQUEST_FIELDS: Readonly<Record<string, Check>> = {
  instructions: nullable(isString),
  previous_response_id: nullable(isNonEmptyString),
  store: nullable(isBoolean),
  stream: nullable(isBoolean),
  tools: arrayOf(isTool),
  tool_choice: isToolChoice,
  parallel_tool_calls: nullable(isBoolean),
  text: nullable(isText),
  reasoning: nullable(
    objectWith({ effort: nullable(isNonEmptyString), summary: nullable(isNonEmptyString) }),
  ),
  max_output_tokens: nullable(isPositiveInt()),
  temperature: nullable(inRange(0, 2)),
  top_p: nullable(inRange(0, 1)),
  metadata: nullable(isStringRecord),
  user: isString,
  background: nullable(isBoolean),
  models: arrayOf(isNonEmptyString),
  provider: isRecord,
};
const hasPlainFields = objectWith(REQUEST_FIELDS);
