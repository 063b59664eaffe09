import type { FakeStreamEvent } from '../fake-upstream/fake-stream-framing.js';
import { splitWords } from '../fake-upstream/split-words.js';
import type { FakeConverseInputUsage } from './build-converse-usage.js';
import type { ConverseReply, ConverseReplyBlock } from './plan-converse-reply.js';

/**
 * A ConverseStream answer's events in Bedrock's order: `messageStart`; per block
 * `contentBlockStart` (tool use only), one `contentBlockDelta` per word of text or the tool
 * input JSON in ~3 fragments, `contentBlockStop`; `messageStop` with the stop reason; `metadata`
 * with usage and latency. Each payload carries Bedrock's random-length padding field `p`.
 */
export function buildConverseStreamEvents(
  reply: ConverseReply,
  input: FakeConverseInputUsage,
): FakeStreamEvent[] {
  const events: FakeStreamEvent[] = [event('messageStart', { role: 'assistant' })];
  for (const [contentBlockIndex, block] of reply.content.entries()) {
    if ('toolUse' in block) {
      const { toolUseId, name } = block.toolUse;
      events.push(
        event('contentBlockStart', { contentBlockIndex, start: { toolUse: { toolUseId, name } } }),
      );
    }
    for (const delta of deltasOf(block))
      events.push(event('contentBlockDelta', { contentBlockIndex, delta }));
    events.push(event('contentBlockStop', { contentBlockIndex }));
  }
  events.push(event('messageStop', { stopReason: reply.stopReason }));
  const usage = {
    ...input,
    outputTokens: reply.outputTokens,
    totalTokens:
      input.inputTokens +
      input.cacheReadInputTokens +
      input.cacheWriteInputTokens +
      reply.outputTokens,
  };
  events.push(event('metadata', { usage, metrics: { latencyMs: 42 } }));
  return events;
}

function deltasOf(block: ConverseReplyBlock): Record<string, unknown>[] {
  if ('text' in block) return splitWords(block.text).map((word) => ({ text: word }));
  const json = JSON.stringify(block.toolUse.input);
  const third = Math.ceil(json.length / 3);
  return [0, 1, 2]
    .map((part) => json.slice(part * third, (part + 1) * third))
    .filter((fragment) => fragment !== '')
    .map((fragment) => ({ toolUse: { input: fragment } }));
}

function event(name: string, data: Record<string, unknown>): FakeStreamEvent {
  return {
    event: name,
    data: { ...data, p: 'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + (name.length % 26)) },
  };
}
