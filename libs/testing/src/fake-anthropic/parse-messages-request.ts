import type { FakeToolChoice } from '../fake-openai/parse-chat-request.js';
import { isRecord } from '../fake-upstream/is-record.js';
import { type AnthropicErrorResponse, invalidAnthropicRequest } from './anthropic-error.js';
import { checkMessagesShapes } from './check-messages-shapes.js';
import { type CachePrefix, cachePrefixOf } from './fake-prompt-cache.js';

/** One turn as the fake reads it. */
export interface FakeTurn {
  readonly role: string;
  /** Everything the turn says in text: text blocks and tool results, joined with `' '`. */
  readonly text: string;
  /** Only its text blocks, joined with `' '`: what the echo repeats. */
  readonly userText: string;
  readonly hasText: boolean;
}

/** The fields of a Messages request the fake reads. */
export interface FakeMessagesRequest {
  readonly model: string;
  /** The system prompt: one entry for a string, one per text block for an array. */
  readonly system: readonly string[];
  readonly messages: readonly FakeTurn[];
  readonly stream: boolean;
  readonly maxTokens: number;
  readonly toolNames: readonly string[];
  readonly toolChoice: FakeToolChoice;
  readonly parallelToolCalls: boolean;
  /** Extended thinking was asked for (`thinking.type: "enabled"`). */
  readonly thinking: boolean;
  /** The prompt up to its last `cache_control` breakpoint, if it has one. */
  readonly cachePrefix: CachePrefix | undefined;
}

type Parsed =
  | { ok: true; request: FakeMessagesRequest }
  | { ok: false; error: AnthropicErrorResponse };

/**
 * Reads a Messages body defensively; what Anthropic would refuse becomes its 400 (see
 * {@link checkMessagesShapes}). `count_tokens` bodies (`countOnly`) need no `max_tokens`.
 */
export function parseMessagesRequest(body: unknown, countOnly = false): Parsed {
  if (!isRecord(body)) return refuse('Input should be a valid dictionary');
  const { model, messages } = body;
  const maxTokens = countOnly ? (body.max_tokens ?? 0) : body.max_tokens;
  if (typeof model !== 'string' || model === '') return refuse('model: Field required');
  if (maxTokens === undefined) return refuse('max_tokens: Field required');
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 0) {
    return refuse('max_tokens: Input should be a valid integer');
  }
  const shapes = checkMessagesShapes(body, countOnly ? undefined : maxTokens);
  if (shapes !== undefined) return refuse(shapes);
  if (!Array.isArray(messages)) return refuse('messages: Field required');
  const turns: FakeTurn[] = [];
  for (const [index, message] of messages.entries()) {
    if (!isRecord(message) || (message.role !== 'user' && message.role !== 'assistant')) {
      return refuse(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    }
    turns.push(readTurn(message.role, message.content));
  }
  const choice = isRecord(body.tool_choice) ? body.tool_choice : {};
  return {
    ok: true,
    request: {
      model,
      system: typeof body.system === 'string' ? [body.system] : blockTexts(body.system),
      messages: turns,
      stream: body.stream === true,
      maxTokens,
      toolNames: toolNames(body.tools),
      toolChoice: toolChoice(choice),
      parallelToolCalls: choice.disable_parallel_tool_use !== true,
      thinking: isRecord(body.thinking) && body.thinking.type === 'enabled',
      cachePrefix: cachePrefixOf(body),
    },
  };
}

function refuse(message: string): Parsed {
  return { ok: false, error: invalidAnthropicRequest(message) };
}

function readTurn(role: string, content: unknown): FakeTurn {
  if (typeof content === 'string') {
    return { role, text: content, userText: content, hasText: true };
  }
  const blocks = Array.isArray(content) ? content.filter(isRecord) : [];
  const texts = blockTexts(blocks);
  const results = blocks
    .filter((block) => block.type === 'tool_result')
    .map((block) =>
      typeof block.content === 'string' ? block.content : blockTexts(block.content).join(' '),
    );
  const userText = texts.join(' ');
  return { role, text: [...texts, ...results].join(' '), userText, hasText: texts.length > 0 };
}

/** The text of every `text` block in a block array. */
function blockTexts(blocks: unknown): string[] {
  if (!Array.isArray(blocks)) return [];
  const texts: string[] = [];
  for (const block of blocks) {
    if (isRecord(block) && block.type === 'text' && typeof block.text === 'string') {
      texts.push(block.text);
    }
  }
  return texts;
}

function toolNames(tools: unknown): string[] {
  if (!Array.isArray(tools)) return [];
  return tools.flatMap((tool) =>
    isRecord(tool) && typeof tool.name === 'string' ? [tool.name] : [],
  );
}

function toolChoice(choice: Record<string, unknown>): FakeToolChoice {
  if (choice.type === 'none') return { kind: 'none' };
  if (choice.type === 'any') return { kind: 'required' };
  if (choice.type === 'tool' && typeof choice.name === 'string') {
    return { kind: 'named', name: choice.name };
  }
  return { kind: 'auto' };
}
