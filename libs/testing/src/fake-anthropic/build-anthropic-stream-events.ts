import { splitWords } from '../fake-upstream/split-words.js';
import { type MessageMeta, messageUsage } from './build-anthropic-message.js';
import type { FakeAnthropicInputUsage } from './build-anthropic-usage.js';
import type { AnthropicReply, AnthropicReplyBlock } from './plan-anthropic-reply.js';

/** One server-sent event of a Messages stream: its name and its JSON data. */
export interface AnthropicStreamEvent {
  readonly event: string;
  readonly data: Record<string, unknown>;
}

/**
 * The events of a streamed answer in Anthropic's order: `message_start` (usage with 1 output
 * token), per block `content_block_start` (a `ping` after the first), one `text_delta` per word,
 * one `thinking_delta` per word then a `signature_delta`, or an empty `input_json_delta` then
 * the input JSON in ~3 fragments, `content_block_stop`; then
 * `message_delta` with the stop reason and cumulative usage, and `message_stop`.
 */
export function buildAnthropicStreamEvents(
  meta: MessageMeta,
  reply: AnthropicReply,
  input: FakeAnthropicInputUsage,
): AnthropicStreamEvent[] {
  const message = {
    model: meta.model,
    id: meta.id,
    type: 'message',
    role: 'assistant',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: messageUsage(input, 1),
  };
  const events = [event('message_start', { message })];
  for (const [index, block] of reply.content.entries()) {
    events.push(event('content_block_start', { index, content_block: startOf(block) }));
    if (index === 0) events.push(event('ping', {}));
    for (const delta of deltasOf(block))
      events.push(event('content_block_delta', { index, delta }));
    events.push(event('content_block_stop', { index }));
  }
  const { written1h: _, ...counts } = input;
  const usage = { ...counts, output_tokens: reply.outputTokens };
  const delta = { stop_reason: reply.stopReason, stop_sequence: null };
  events.push(event('message_delta', { delta, usage }), event('message_stop', {}));
  return events;
}

function event(name: string, fields: Record<string, unknown>): AnthropicStreamEvent {
  return { event: name, data: { type: name, ...fields } };
}

function startOf(block: AnthropicReplyBlock): Record<string, unknown> {
  if (block.type === 'text') return { type: 'text', text: '' };
  if (block.type === 'thinking') return { type: 'thinking', thinking: '' };
  return { type: 'tool_use', id: block.id, name: block.name, input: {} };
}

function deltasOf(block: AnthropicReplyBlock): Record<string, unknown>[] {
  if (block.type === 'text') {
    return splitWords(block.text).map((text) => ({ type: 'text_delta', text }));
  }
  if (block.type === 'thinking') {
    return [
      ...splitWords(block.thinking).map((thinking) => ({ type: 'thinking_delta', thinking })),
      { type: 'signature_delta', signature: block.signature },
    ];
  }
  const json = JSON.stringify(block.input);
  const size = Math.max(1, Math.ceil(json.length / 3));
  const fragments = [''];
  for (let start = 0; start < json.length; start += size)
    fragments.push(json.slice(start, start + size));
  return fragments.map((partial_json) => ({ type: 'input_json_delta', partial_json }));
}
