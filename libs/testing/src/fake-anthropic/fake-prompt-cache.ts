import { countFakeTokens } from '../fake-upstream/count-fake-tokens.js';
import { isRecord } from '../fake-upstream/is-record.js';

/** Where a request's last `cache_control` breakpoint ends its prompt, and what that prefix is. */
export interface CachePrefix {
  /** The prefix up to the breakpoint, block by block (one JSON line each, cache marks left out). */
  readonly key: string;
  /** Fake tokens of that prefix, in the units of the fake's input count. */
  readonly tokens: number;
  readonly ttl: '5m' | '1h';
}

/** Cache reads and writes of one request. */
export interface CacheUse {
  readonly read: number;
  readonly written: number;
  readonly ttl: '5m' | '1h';
}

/**
 * The fake's prompt cache, Anthropic's rules in small: a request with a breakpoint reads the
 * longest prefix an earlier request cached (at any block boundary before the breakpoint) and
 * writes the rest of the prefix up to the breakpoint. Nothing expires.
 */
export interface FakePromptCache {
  use(prefix: CachePrefix): CacheUse;
}

export function createFakePromptCache(): FakePromptCache {
  const cached = new Map<string, number>();
  return {
    use(prefix) {
      let read = 0;
      for (const [key, tokens] of cached) {
        if (tokens > read && prefix.key.startsWith(key)) read = tokens;
      }
      cached.set(prefix.key, prefix.tokens);
      return { read, written: Math.max(0, prefix.tokens - read), ttl: prefix.ttl };
    },
  };
}

/**
 * The prefix up to the last block marked `cache_control` (tools, then system, then turns), or
 * undefined without one. Tokens: 3, plus per system block 3 and its words, per turn 3 and the
 * words of its text blocks and tool results — the fake's count of the whole input.
 */
export function cachePrefixOf(body: Record<string, unknown>): CachePrefix | undefined {
  const lines: string[] = [];
  let tokens = 3;
  let last: CachePrefix | undefined;
  const add = (unit: unknown, unitTokens: number) => {
    tokens += unitTokens;
    const { cache_control: control, ...rest } = isRecord(unit) ? unit : { value: unit };
    lines.push(`${JSON.stringify(rest)}\n`);
    if (isRecord(control)) {
      last = { key: lines.join(''), tokens, ttl: control.ttl === '1h' ? '1h' : '5m' };
    }
  };
  for (const tool of Array.isArray(body.tools) ? body.tools : []) add(tool, 0);
  const system =
    typeof body.system === 'string' ? [{ type: 'text', text: body.system }] : body.system;
  for (const block of Array.isArray(system) ? system : []) add(block, 3 + wordsOf(block));
  for (const message of Array.isArray(body.messages) ? body.messages : []) {
    if (!isRecord(message)) continue;
    const blocks =
      typeof message.content === 'string'
        ? [{ type: 'text', text: message.content }]
        : message.content;
    const list = Array.isArray(blocks) ? blocks : [];
    list.forEach((block, index) => {
      const counted = wordsOf(block) + (index === 0 ? 3 : 0);
      add(isRecord(block) ? { role: message.role, ...block } : block, counted);
    });
    if (list.length === 0) tokens += 3;
  }
  return last;
}

function wordsOf(block: unknown): number {
  if (!isRecord(block)) return 0;
  if (block.type === 'text' && typeof block.text === 'string') return countFakeTokens(block.text);
  if (block.type !== 'tool_result') return 0;
  if (typeof block.content === 'string') return countFakeTokens(block.content);
  if (!Array.isArray(block.content)) return 0;
  return block.content.reduce(
    (sum: number, inner: unknown) =>
      sum +
      (isRecord(inner) && inner.type === 'text' && typeof inner.text === 'string'
        ? countFakeTokens(inner.text)
        : 0),
    0,
  );
}
