import { isRecord } from '../fake-upstream/is-record.js';

/** At most this many blocks may carry `cache_control` in one request. */
const MAX_CACHE_BREAKPOINTS = 4;
/** The smallest thinking budget Anthropic accepts. */
const MIN_THINKING_BUDGET = 1024;

/**
 * The shape rules Anthropic enforces that a pass-through must not break, as its 400 message:
 * `thinking` is `{type:"enabled", budget_tokens ≥ 1024 and < max_tokens}` or disabled;
 * `cache_control` is `{type:"ephemeral", ttl?: "5m"|"1h"}`, only on system blocks, tools and
 * content blocks, at most four of them; thinking blocks appear only in assistant turns, with
 * their `signature` (redacted thinking with its `data`). Undefined when the body passes.
 */
export function checkMessagesShapes(
  body: Record<string, unknown>,
  maxTokens: number | undefined,
): string | undefined {
  const thinking = checkThinking(body.thinking, maxTokens);
  if (thinking !== undefined) return thinking;
  if (body.cache_control !== undefined) return 'cache_control: Extra inputs are not permitted';
  let breakpoints = 0;
  const blocks: [string, unknown][] = [];
  const listed = (name: string, list: unknown) =>
    (Array.isArray(list) ? list : []).map((item, i): [string, unknown] => [`${name}.${i}`, item]);
  blocks.push(...listed('system', body.system), ...listed('tools', body.tools));
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (const [i, message] of messages.entries()) {
    if (!isRecord(message)) continue;
    if (message.cache_control !== undefined) {
      return `messages.${i}.cache_control: Extra inputs are not permitted`;
    }
    if (!Array.isArray(message.content)) continue;
    for (const [j, block] of message.content.entries()) {
      const path = `messages.${i}.content.${j}`;
      const misplaced = checkThinkingBlock(block, message.role, path);
      if (misplaced !== undefined) return misplaced;
      blocks.push([path, block]);
      if (isRecord(block) && Array.isArray(block.content)) {
        blocks.push(...listed(`${path}.content`, block.content));
      }
    }
  }
  for (const [path, block] of blocks) {
    if (!isRecord(block) || block.cache_control === undefined) continue;
    const control = block.cache_control;
    const valid =
      isRecord(control) &&
      control.type === 'ephemeral' &&
      (control.ttl === undefined || control.ttl === '5m' || control.ttl === '1h') &&
      Object.keys(control).every((key) => key === 'type' || key === 'ttl');
    if (!valid)
      return `${path}.cache_control: Input should be {"type": "ephemeral", "ttl"?: "5m" | "1h"}`;
    breakpoints += 1;
  }
  if (breakpoints > MAX_CACHE_BREAKPOINTS) {
    return `A maximum of ${MAX_CACHE_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints}.`;
  }
  return undefined;
}

function checkThinking(thinking: unknown, maxTokens: number | undefined): string | undefined {
  if (thinking === undefined) return undefined;
  if (isRecord(thinking) && thinking.type === 'disabled') return undefined;
  if (!isRecord(thinking) || thinking.type !== 'enabled') {
    return "thinking.type: Input should be 'enabled' or 'disabled'";
  }
  const budget = thinking.budget_tokens;
  if (typeof budget !== 'number' || !Number.isInteger(budget) || budget < MIN_THINKING_BUDGET) {
    return `thinking.enabled.budget_tokens: Input should be greater than or equal to ${MIN_THINKING_BUDGET}`;
  }
  if (maxTokens !== undefined && budget >= maxTokens) {
    return '`max_tokens` must be greater than `thinking.budget_tokens`.';
  }
  return undefined;
}

function checkThinkingBlock(block: unknown, role: unknown, path: string): string | undefined {
  if (!isRecord(block)) return undefined;
  if (block.type !== 'thinking' && block.type !== 'redacted_thinking') return undefined;
  if (role !== 'assistant')
    return `${path}.type: thinking blocks are only allowed in assistant turns`;
  if (
    block.type === 'thinking' &&
    (typeof block.thinking !== 'string' || typeof block.signature !== 'string')
  ) {
    return `${path}.signature: Field required`;
  }
  if (block.type === 'redacted_thinking' && typeof block.data !== 'string') {
    return `${path}.data: Field required`;
  }
  return undefined;
}
