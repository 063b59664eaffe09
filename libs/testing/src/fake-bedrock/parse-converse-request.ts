import type { FakeToolChoice } from '../fake-openai/parse-chat-request.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { type BedrockErrorResponse, bedrockValidationError } from './bedrock-error.js';

/** One turn as the fake reads it. */
export interface FakeConverseTurn {
  readonly role: 'user' | 'assistant';
  /** Its text blocks and tool results' text, joined with `' '`: what usage counts. */
  readonly text: string;
  /** Only its text blocks: what the echo repeats. */
  readonly userText: string;
  readonly hasText: boolean;
}

/** The fields of a Converse request the fake reads. */
export interface FakeConverseRequest {
  readonly system: readonly string[];
  readonly messages: readonly FakeConverseTurn[];
  readonly maxTokens: number | undefined;
  readonly toolNames: readonly string[];
  readonly toolChoice: FakeToolChoice;
  readonly images: number;
}

type Parsed =
  | { ok: true; request: FakeConverseRequest }
  | { ok: false; error: BedrockErrorResponse };

const IMAGE_FORMATS = new Set(['png', 'jpeg', 'gif', 'webp']);

/**
 * Reads a Converse body as Bedrock validates it: `messages` required, starting with a user turn
 * and alternating roles; content blocks of known kinds (text, image bytes, toolUse, toolResult,
 * cachePoint); `toolConfig` required once tool blocks appear; `maxTokens` a positive integer.
 * What Bedrock refuses becomes its 400 `ValidationException`.
 */
export function parseConverseRequest(body: unknown): Parsed {
  if (!isRecord(body))
    return refuse('Malformed input request, please reformat your input and try again.');
  const { messages } = body;
  if (!Array.isArray(messages) || messages.length === 0) {
    return refuse('The messages field is required and must contain at least one message.');
  }
  const turns: FakeConverseTurn[] = [];
  let images = 0;
  let usesTools = false;
  for (const [index, message] of messages.entries()) {
    if (!isRecord(message) || (message.role !== 'user' && message.role !== 'assistant')) {
      return refuse(`messages.${index}.role: must be user or assistant`);
    }
    if (index === 0 && message.role !== 'user')
      return refuse(
        'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
      );
    if (turns.at(-1)?.role === message.role)
      return refuse(
        'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
      );
    const read = readTurn(message.role, message.content, index);
    if (typeof read === 'string') return refuse(read);
    images += read.images;
    usesTools ||= read.usesTools;
    turns.push(read.turn);
  }
  const toolConfig = isRecord(body.toolConfig) ? body.toolConfig : undefined;
  if (usesTools && toolConfig === undefined) {
    return refuse(
      'The toolConfig field must be defined when using toolUse and toolResult content blocks.',
    );
  }
  const inference = isRecord(body.inferenceConfig) ? body.inferenceConfig : {};
  const maxTokens = inference.maxTokens;
  if (
    maxTokens !== undefined &&
    (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1)
  ) {
    return refuse('The maximum tokens you requested must be a positive integer.');
  }
  const tools = readTools(toolConfig);
  if (typeof tools === 'string') return refuse(tools);
  return {
    ok: true,
    request: {
      system: blockTexts(body.system),
      messages: turns,
      maxTokens,
      toolNames: tools,
      toolChoice: toolChoiceOf(toolConfig?.toolChoice),
      images,
    },
  };
}

function refuse(message: string): Parsed {
  return { ok: false, error: bedrockValidationError(message) };
}

function readTurn(
  role: 'user' | 'assistant',
  content: unknown,
  index: number,
): { turn: FakeConverseTurn; images: number; usesTools: boolean } | string {
  if (!Array.isArray(content) || content.length === 0)
    return `messages.${index}.content: must be a non-empty list of content blocks`;
  const texts: string[] = [];
  const results: string[] = [];
  let images = 0;
  let usesTools = false;
  for (const block of content) {
    if (!isRecord(block)) return `messages.${index}.content: blocks must be objects`;
    if (typeof block.text === 'string') {
      if (block.text.trim() === '')
        return 'The text field in the ContentBlock object is blank. Add text to the text field, and try again.';
      texts.push(block.text);
    } else if (isRecord(block.image)) {
      const source = isRecord(block.image.source) ? block.image.source : {};
      if (!IMAGE_FORMATS.has(String(block.image.format)) || typeof source.bytes !== 'string') {
        return `messages.${index}.content: an image needs a format (png, jpeg, gif, webp) and source.bytes`;
      }
      images += 1;
    } else if (isRecord(block.toolUse) || isRecord(block.toolResult)) {
      usesTools = true;
      if (isRecord(block.toolResult)) results.push(...blockTexts(block.toolResult.content));
    } else if (!isRecord(block.cachePoint)) {
      return `messages.${index}.content: unknown content block`;
    }
  }
  const userText = texts.join(' ');
  return {
    turn: { role, text: [...texts, ...results].join(' '), userText, hasText: texts.length > 0 },
    images,
    usesTools,
  };
}

function readTools(toolConfig: Record<string, unknown> | undefined): string[] | string {
  if (toolConfig === undefined) return [];
  if (!Array.isArray(toolConfig.tools) || toolConfig.tools.length === 0)
    return 'toolConfig.tools: must list at least one tool';
  const names: string[] = [];
  for (const tool of toolConfig.tools) {
    const spec = isRecord(tool) && isRecord(tool.toolSpec) ? tool.toolSpec : undefined;
    const schema = spec && isRecord(spec.inputSchema) ? spec.inputSchema.json : undefined;
    if (spec === undefined || typeof spec.name !== 'string' || !isRecord(schema)) {
      if (isRecord(tool) && isRecord(tool.cachePoint)) continue;
      return 'toolConfig.tools: each tool needs toolSpec.name and toolSpec.inputSchema.json';
    }
    names.push(spec.name);
  }
  return names;
}

function toolChoiceOf(choice: unknown): FakeToolChoice {
  if (!isRecord(choice)) return { kind: 'auto' };
  if (isRecord(choice.any)) return { kind: 'required' };
  if (isRecord(choice.tool) && typeof choice.tool.name === 'string') {
    return { kind: 'named', name: choice.tool.name };
  }
  return { kind: 'auto' };
}

/** The text of every `{text}` block in a block array. */
function blockTexts(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.flatMap((block) =>
    isRecord(block) && typeof block.text === 'string' ? [block.text] : [],
  );
}
