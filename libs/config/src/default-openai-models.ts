import { deepFreeze } from './deep-freeze.js';
import { shiftDecimalPoint } from './shift-decimal-point.js';
import type { ModelConfig } from './switchyard-config.js';

// OpenAI's public list prices in USD per million tokens, as published (standard tier).
// [upstream model, display name, context length, max output tokens, prompt, cached prompt, completion]
type ChatRow = readonly [string, string, number, number, string, string, string];
const CHAT_MODELS: readonly ChatRow[] = [
  ['gpt-4o', 'GPT-4o', 128_000, 16_384, '2.50', '1.25', '10.00'],
  ['gpt-4o-mini', 'GPT-4o mini', 128_000, 16_384, '0.15', '0.075', '0.60'],
  ['gpt-4.1', 'GPT-4.1', 1_047_576, 32_768, '2.00', '0.50', '8.00'],
  ['gpt-4.1-mini', 'GPT-4.1 mini', 1_047_576, 32_768, '0.40', '0.10', '1.60'],
  ['gpt-4.1-nano', 'GPT-4.1 nano', 1_047_576, 32_768, '0.10', '0.025', '0.40'],
  ['o3', 'o3', 200_000, 100_000, '2.00', '0.50', '8.00'],
  ['o4-mini', 'o4-mini', 200_000, 100_000, '1.10', '0.275', '4.40'],
  ['gpt-5', 'GPT-5', 400_000, 128_000, '1.25', '0.125', '10.00'],
  ['gpt-5-mini', 'GPT-5 mini', 400_000, 128_000, '0.25', '0.025', '2.00'],
  ['gpt-5-nano', 'GPT-5 nano', 400_000, 128_000, '0.05', '0.005', '0.40'],
];

// [upstream model, context length, prompt]
type EmbeddingRow = readonly [string, number, string];
const EMBEDDING_MODELS: readonly EmbeddingRow[] = [
  ['text-embedding-3-small', 8191, '0.02'],
  ['text-embedding-3-large', 8191, '0.13'],
];

function perToken(perMillion: string): string {
  return shiftDecimalPoint(perMillion, -6);
}

function chatModel([
  model,
  name,
  contextLength,
  maxOutputTokens,
  prompt,
  cached,
  completion,
]: ChatRow): ModelConfig {
  return {
    id: `openai/${model}`,
    name,
    kind: 'chat',
    contextLength,
    maxOutputTokens,
    routes: [
      {
        provider: 'openai',
        upstreamModel: model,
        // Reasoning tokens are part of OpenAI's completion tokens and billed at that rate.
        pricing: {
          prompt: perToken(prompt),
          completion: perToken(completion),
          cachedPrompt: perToken(cached),
          reasoning: undefined,
        },
      },
    ],
  };
}

function embeddingModel([model, contextLength, prompt]: EmbeddingRow): ModelConfig {
  return {
    id: `openai/${model}`,
    name: model,
    kind: 'embedding',
    contextLength,
    maxOutputTokens: undefined,
    routes: [
      {
        provider: 'openai',
        upstreamModel: model,
        pricing: {
          prompt: perToken(prompt),
          completion: '0',
          cachedPrompt: undefined,
          reasoning: undefined,
        },
      },
    ],
  };
}

/**
 * The usual OpenAI models (`openai/<model>`), added when provider `openai` exists and the YAML
 * routes no model to it. Prices are USD per token, exact.
 */
export const DEFAULT_OPENAI_MODELS: readonly ModelConfig[] = deepFreeze([
  ...CHAT_MODELS.map(chatModel),
  ...EMBEDDING_MODELS.map(embeddingModel),
]);
