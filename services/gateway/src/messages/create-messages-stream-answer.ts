import { createSseParser, isPlainObject, parseJson } from '@switchyard/providers';
import type { Answer } from '../usage/answer.js';
import { estimateTokens } from '../usage/estimate-tokens.js';

/** An {@link Answer} fed the bytes of an Anthropic Messages stream relayed as they are. */
export interface MessagesStreamAnswer extends Answer {
  push(chunk: Buffer): void;
}

type Block = Record<string, unknown> & { partialJson?: string };

/**
 * Keeps the beginning of a relayed Messages stream — the chunks themselves, no copies — up to
 * `retainBytes`, and only when asked assembles it into the `message` the client's SDK builds
 * (text, thinking with its signature, tool_use input) or counts the tokens of what was
 * generated (extrapolated by length past the bound), should the upstream report no usage.
 */
export function createMessagesStreamAnswer(retainBytes: number): MessagesStreamAnswer {
  const chunks: Buffer[] = [];
  let retained = 0;
  let overflow = 0;
  let assembled: { message: Record<string, unknown>; generated: string[] } | undefined;
  const assemble = () => {
    assembled ??= assembleMessage(chunks);
    return assembled;
  };
  // `truncated` a field, not a getter: V8 allocates an object's own accessor pair in the old
  // generation, where it would keep the kept answer alive past every young collection.
  const answer: MessagesStreamAnswer & { truncated: boolean } = {
    truncated: false,
    push(chunk) {
      if (overflow === 0 && retained + chunk.length <= retainBytes) {
        chunks.push(chunk);
        retained += chunk.length;
      } else {
        overflow += chunk.length;
        answer.truncated = overflow > 0;
      }
    },
    completionTokens() {
      const counted = estimateTokens(assemble().generated);
      if (overflow === 0 || retained === 0) return counted;
      return Math.ceil(counted * (1 + overflow / retained));
    },
    json: () => assemble().message,
  };
  return answer;
}

function assembleMessage(chunks: readonly Buffer[]) {
  const parser = createSseParser();
  const events = [...chunks.flatMap((chunk) => parser.push(chunk)), ...parser.end()];
  let message: Record<string, unknown> = { type: 'message', content: [] };
  const blocks: Block[] = [];
  const generated: string[] = [];
  for (const sse of events) {
    const data = parseJson(sse.data);
    if (!isPlainObject(data)) continue;
    const index = typeof data.index === 'number' ? data.index : -1;
    if (data.type === 'message_start' && isPlainObject(data.message)) {
      message = { ...data.message };
    } else if (data.type === 'content_block_start' && isPlainObject(data.content_block)) {
      blocks[index] = { ...data.content_block };
    } else if (data.type === 'content_block_delta' && isPlainObject(data.delta)) {
      const block = blocks[index];
      if (block !== undefined) applyDelta(block, data.delta, generated);
    } else if (data.type === 'message_delta') {
      if (isPlainObject(data.delta)) Object.assign(message, data.delta);
      if (isPlainObject(data.usage)) {
        const usage = isPlainObject(message.usage) ? message.usage : {};
        message.usage = { ...usage, ...data.usage };
      }
    }
  }
  message.content = blocks.filter((block) => block !== undefined).map(finishBlock);
  return { message, generated };
}

function applyDelta(block: Block, delta: Record<string, unknown>, generated: string[]): void {
  const append = (field: string, value: unknown) => {
    if (typeof value !== 'string') return;
    block[field] = `${typeof block[field] === 'string' ? block[field] : ''}${value}`;
    generated.push(value);
  };
  if (delta.type === 'text_delta') append('text', delta.text);
  else if (delta.type === 'thinking_delta') append('thinking', delta.thinking);
  else if (delta.type === 'signature_delta') block.signature = delta.signature;
  else if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string') {
    block.partialJson = `${block.partialJson ?? ''}${delta.partial_json}`;
    generated.push(delta.partial_json);
  }
}

function finishBlock(block: Block): Record<string, unknown> {
  const { partialJson, ...rest } = block;
  if (partialJson === undefined) return rest;
  const input = parseJson(partialJson);
  return { ...rest, input: input === undefined ? partialJson : input };
}
