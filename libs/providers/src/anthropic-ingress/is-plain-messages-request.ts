import {
  arrayOf,
  type Check,
  inRange,
  isBoolean,
  isNonEmptyString,
  isNonNegativeInt,
  isPositiveInt,
  isRecord,
  isString,
  literal,
  nullable,
  objectWith,
} from '@switchyard/contracts';
import type { MessagesRequest } from './messages-request-schema.js';

/**
 * Whether `body` is a Messages request that `messagesRequestSchema` accepts exactly as it is:
 * every block of a type the schema checks, in its place (text, images, documents, tool results
 * in user turns; text, tool use and thinking in assistant turns), and custom tools only. Blocks
 * of other types and server tools, which the schema rewrites as `unsupported`, are left to it,
 * as is anything it would refuse (`false` decides nothing). The schema copies every object it
 * checks (~100–200 µs of a 130 KB Claude Code request); this check copies nothing. For parsed
 * JSON only (plain objects and arrays, no `__proto__` keys: what the body parser gives).
 */
export function isPlainMessagesRequest(body: unknown): body is MessagesRequest {
  if (!isRecord(body) || !isNonEmptyString(body.model) || !isMaxTokens(body.max_tokens)) {
    return false;
  }
  const { messages } = body;
  if (!Array.isArray(messages) || messages.length === 0 || !messages.every(isPlainMessage)) {
    return false;
  }
  return hasPlainFields(body);
}

const isMaxTokens = isPositiveInt();
const isText = objectWith({ type: literal('text'), text: isString }, ['type', 'text']);
const isImageSource = (source: unknown): boolean =>
  isRecord(source) &&
  ((source.type === 'base64' && isNonEmptyString(source.media_type) && isString(source.data)) ||
    (source.type === 'url' && isNonEmptyString(source.url)));
const isImage = objectWith({ type: literal('image'), source: isImageSource }, ['type', 'source']);
const isDocument = objectWith(
  { type: literal('document'), source: objectWith({ type: isString }, ['type']) },
  ['type', 'source'],
);
const isToolResultPart = (block: unknown): boolean =>
  isText(block) || isImage(block) || isDocument(block);
const isToolResult = objectWith(
  {
    type: literal('tool_result'),
    tool_use_id: isNonEmptyString,
    content: (content) => isString(content) || arrayOf(isToolResultPart)(content),
    is_error: isBoolean,
  },
  ['type', 'tool_use_id'],
);
const isToolUse = objectWith(
  { type: literal('tool_use'), id: isNonEmptyString, name: isNonEmptyString, input: isRecord },
  ['type', 'id', 'name', 'input'],
);
const isThinking = objectWith({ type: literal('thinking'), thinking: isString }, [
  'type',
  'thinking',
]);
const isRedactedThinking = objectWith({ type: literal('redacted_thinking') }, ['type']);

const isUserBlock = (block: unknown): boolean =>
  isText(block) || isImage(block) || isToolResult(block) || isDocument(block);
const isAssistantBlock = (block: unknown): boolean =>
  isText(block) || isToolUse(block) || isThinking(block) || isRedactedThinking(block);
const isUserContent = (content: unknown): boolean =>
  isString(content) || arrayOf(isUserBlock)(content);
const isAssistantContent = (content: unknown): boolean =>
  isString(content) || arrayOf(isAssistantBlock)(content);

function isPlainMessage(message: unknown): boolean {
  if (!isRecord(message)) return false;
  if (message.role === 'user') return isUserContent(message.content);
  if (message.role === 'assistant') return isAssistantContent(message.content);
  return false;
}

/** A custom tool (no `type`, or `custom`): server tools are the schema's to rewrite. */
const isCustomTool = objectWith(
  {
    type: literal('custom'),
    name: isNonEmptyString,
    description: isString,
    input_schema: isRecord,
  },
  ['name', 'input_schema'],
);
const isToolChoice = (choice: unknown): boolean => {
  if (!isRecord(choice)) return false;
  const parallel = choice.disable_parallel_tool_use;
  if (parallel !== undefined && !isBoolean(parallel)) return false;
  switch (choice.type) {
    case 'auto':
    case 'any':
      return true;
    case 'tool':
      return isNonEmptyString(choice.name);
    case 'none':
      return parallel === undefined;
    default:
      return false;
  }
};

/** The schema's other fields and what each accepts. */
const REQUEST_FIELDS: Readonly<Record<string, Check>> = {
  system: (system) => isString(system) || arrayOf(isText)(system),
  stop_sequences: arrayOf(isString),
  temperature: inRange(0, 1),
  top_p: inRange(0, 1),
  top_k: isNonNegativeInt,
  stream: isBoolean,
  tools: arrayOf(isCustomTool),
  tool_choice: isToolChoice,
  metadata: objectWith({ user_id: nullable(isString) }),
};
const hasPlainFields = objectWith(REQUEST_FIELDS);
