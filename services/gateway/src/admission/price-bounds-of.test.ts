import type { PricingConfig } from '@switchyard/config';
import {
  type ChatCompletionRequest,
  parseUsd,
  type TokenUsage,
  toNanoUsd,
} from '@switchyard/contracts';
import { describe, expect, it } from 'vitest';
import { fitChatRequest } from '../chat/fit-chat-request.js';
import type { Candidate } from '../routing/plan-candidates.js';
import { testCatalog } from '../routing/test-catalog.js';
import { computeCost } from '../usage/compute-cost.js';
import { priceBoundsOf } from './price-bounds-of.js';

// Claude Sonnet's list prices per token: writes to the 5-minute cache cost 1.25× input, to the
// 1-hour cache 2× input.
const SONNET: PricingConfig = {
  prompt: '0.000003',
  completion: '0.000015',
  cachedPrompt: '0.0000003',
  reasoning: undefined,
  cacheWrite: '0.00000375',
  cacheWrite1h: '0.000006',
};

function candidatesPriced(...prices: PricingConfig[]): Candidate[] {
  const catalog = testCatalog({
    'anthropic/claude': { routes: prices.map((_, index) => `p${index}`), contextLength: 200_000 },
  });
  const model = catalog.find('anthropic/claude');
  if (model === undefined) throw new Error('the test catalog has the model');
  return model.routes.map((route, index) => ({
    model,
    route: { ...route, pricing: prices[index] ?? SONNET },
  }));
}

const nanos = (usd: string) => Number(toNanoUsd(parseUsd(usd)));

describe('priceBoundsOf', () => {
  it('bounds a prompt token at the 1-hour cache-write rate when that is the dearest', () => {
    expect(priceBoundsOf(candidatesPriced(SONNET))).toEqual({
      promptNanos: 6_000,
      completionNanos: 15_000,
    });
  });

  it('takes whichever input-side rate is highest, however they are ordered', () => {
    const oddOneHour = { ...SONNET, cacheWrite: '0.000005', cacheWrite1h: '0.000004' };
    expect(priceBoundsOf(candidatesPriced(oddOneHour)).promptNanos).toBe(5_000);
    const onlyFiveMinute = { ...SONNET, cacheWrite1h: undefined };
    expect(priceBoundsOf(candidatesPriced(onlyFiveMinute)).promptNanos).toBe(3_750);
  });

  it('stays at the prompt rate for routes without cache-write rates', () => {
    const plain = {
      prompt: '0.0000025',
      completion: '0.00001',
      cachedPrompt: '0.00000125',
      reasoning: undefined,
    };
    expect(priceBoundsOf(candidatesPriced(plain))).toEqual({
      promptNanos: 2_500,
      completionNanos: 10_000,
    });
  });

  it('covers a fallback whose cache writes are dearer than the first route’s prompt', () => {
    const cheap = {
      prompt: '0.00001',
      completion: '0.00001',
      cachedPrompt: undefined,
      reasoning: undefined,
    };
    expect(priceBoundsOf(candidatesPriced(cheap, SONNET)).promptNanos).toBe(10_000);
    const dear = { ...SONNET, cacheWrite1h: '0.00002' };
    expect(priceBoundsOf(candidatesPriced(cheap, dear)).promptNanos).toBe(20_000);
  });

  it('makes a chat reservation at least what any cache-write mix of its tokens costs', () => {
    const candidates = candidatesPriced(SONNET);
    const body: ChatCompletionRequest = {
      model: 'anthropic/claude',
      max_tokens: 64,
      messages: [
        {
          role: 'system',
          content: [
            {
              type: 'text',
              text: 'You are a careful assistant. '.repeat(200),
              cache_control: { type: 'ephemeral', ttl: '1h' },
            },
          ],
        },
        { role: 'user', content: 'What is in the long system prompt?' },
      ],
    } as ChatCompletionRequest;
    const fitted = fitChatRequest(body, candidates);
    const reserved = fitted.reservation(priceBoundsOf(candidates));
    const held = reserved.fixedNanos + reserved.maxTokens * reserved.perTokenNanos;
    const promptTokens = fitted.reservation({ promptNanos: 1, completionNanos: 0 }).fixedNanos;
    expect(promptTokens).toBeGreaterThan(1_000);
    const completionTokens = reserved.maxTokens;
    const mixes: Partial<TokenUsage>[] = [
      {},
      { cacheWriteTokens: promptTokens },
      { cacheWriteTokens: promptTokens, cacheWrite1hTokens: promptTokens },
      { cacheWriteTokens: promptTokens, cacheWrite1hTokens: Math.floor(promptTokens / 3) },
    ];
    const costs = mixes.map((mix) =>
      nanos(
        computeCost(
          { promptTokens, completionTokens, cachedTokens: 0, reasoningTokens: 0, ...mix },
          SONNET,
        ),
      ),
    );
    for (const cost of costs) expect(held).toBeGreaterThanOrEqual(cost);
    // The dearest mix (every prompt token written for an hour) is exactly what is held.
    expect(Math.max(...costs)).toBe(held);
  });
});
