import { splitWords } from '../fake-upstream/split-words.js';
import type { FakeChatUsage } from './build-chat-usage.js';
import type { CompletionMeta } from './completion-meta.js';
import type { FakeChatReply } from './plan-chat-reply.js';

/** Where the stream reports usage. */
export interface ChunkUsageOptions {
  /** `stream_options.include_usage`: a last chunk with `choices: []` and every other `usage: null`. */
  readonly includeUsage: boolean;
  /** vLLM-like servers: usage rides on the final finish chunk instead of a chunk of its own. */
  readonly usageInLastChoice: boolean;
}

interface ChoiceStep {
  readonly delta: Record<string, unknown>;
  readonly finishReason: string | null;
}

/**
 * The `chat.completion.chunk` objects of a streamed answer: per choice a role chunk, one chunk
 * per word (or per tool call a header delta then ~3 argument fragments), a finish chunk; choices
 * interleave round-robin; then the usage chunk when asked for.
 */
export function buildChatChunks(
  meta: CompletionMeta,
  replies: readonly FakeChatReply[],
  usage: FakeChatUsage | undefined,
  options: ChunkUsageOptions,
): Record<string, unknown>[] {
  const stepsPerChoice = replies.map(choiceSteps);
  const longest = Math.max(0, ...stepsPerChoice.map((steps) => steps.length));
  const chunks: Record<string, unknown>[] = [];
  for (let position = 0; position < longest; position += 1) {
    for (const [index, steps] of stepsPerChoice.entries()) {
      const step = steps[position];
      if (step === undefined) continue;
      const choice = { index, delta: step.delta, logprobs: null, finish_reason: step.finishReason };
      chunks.push(chunk(meta, [choice], options.includeUsage ? null : undefined));
    }
  }
  if (usage === undefined) return chunks;
  if (options.usageInLastChoice) {
    const last = chunks.at(-1);
    if (last !== undefined) last.usage = usage;
  } else if (options.includeUsage) {
    chunks.push(chunk(meta, [], usage));
  }
  return chunks;
}

function chunk(
  meta: CompletionMeta,
  choices: readonly Record<string, unknown>[],
  usage: FakeChatUsage | null | undefined,
): Record<string, unknown> {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
    choices,
    ...(usage === undefined ? {} : { usage }),
  };
}

function choiceSteps(reply: FakeChatReply): ChoiceStep[] {
  if (reply.kind === 'text') {
    return [
      { delta: { role: 'assistant', content: '', refusal: null }, finishReason: null },
      ...splitWords(reply.content).map((word) => ({
        delta: { content: word },
        finishReason: null,
      })),
      { delta: {}, finishReason: reply.finishReason },
    ];
  }
  const steps: ChoiceStep[] = [];
  for (const [index, call] of reply.toolCalls.entries()) {
    const header = {
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: '' },
    };
    const delta: Record<string, unknown> =
      index === 0
        ? { role: 'assistant', content: null, tool_calls: [header], refusal: null }
        : { tool_calls: [header] };
    steps.push({ delta, finishReason: null });
    for (const fragment of splitIntoThree(call.arguments)) {
      steps.push({
        delta: { tool_calls: [{ index, function: { arguments: fragment } }] },
        finishReason: null,
      });
    }
  }
  steps.push({ delta: {}, finishReason: 'tool_calls' });
  return steps;
}

function splitIntoThree(text: string): string[] {
  const size = Math.max(1, Math.ceil(text.length / 3));
  const fragments: string[] = [];
  for (let start = 0; start < text.length; start += size)
    fragments.push(text.slice(start, start + size));
  return fragments;
}
