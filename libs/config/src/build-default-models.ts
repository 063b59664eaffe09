import type {
  DefaultCacheWrites,
  DefaultChatRow,
  DefaultEmbeddingRow,
  DefaultModelTable,
} from '@switchyard/providers';
import { createRouteConfig } from './create-route-config.js';
import { deepFreeze } from './deep-freeze.js';
import { shiftDecimalPoint } from './shift-decimal-point.js';
import type { ModelConfig } from './switchyard-config.js';

function perToken(perMillion: string): string {
  return shiftDecimalPoint(perMillion, -6);
}

function chatModel(
  provider: string,
  row: DefaultChatRow,
  cacheWrites: DefaultCacheWrites | undefined,
): ModelConfig {
  const [model, name, contextLength, maxOutputTokens, prompt, cached, completion, id] = row;
  return {
    id: `${provider}/${id ?? model}`,
    name,
    kind: 'chat',
    contextLength,
    maxOutputTokens,
    routes: [
      createRouteConfig({
        provider,
        upstreamModel: model,
        priority: 0,
        // Every listed provider bills reasoning (thinking) tokens as completion tokens.
        pricing: {
          prompt: perToken(prompt),
          completion: perToken(completion),
          cachedPrompt: perToken(cached),
          reasoning: undefined,
          ...(cacheWrites !== undefined && {
            cacheWrite: perToken(cacheWrites[0]),
            cacheWrite1h: perToken(cacheWrites[1]),
          }),
        },
      }),
    ],
  };
}

function embeddingModel(provider: string, row: DefaultEmbeddingRow): ModelConfig {
  const [model, contextLength, prompt] = row;
  return {
    id: `${provider}/${model}`,
    name: model,
    kind: 'embedding',
    contextLength,
    maxOutputTokens: undefined,
    routes: [
      createRouteConfig({
        provider,
        upstreamModel: model,
        priority: 0,
        pricing: {
          prompt: perToken(prompt),
          completion: '0',
          cachedPrompt: undefined,
          reasoning: undefined,
        },
      }),
    ],
  };
}

/** Turns a provider's price table into frozen models `<provider>/<model>`, priced per token. */
export function buildDefaultModels(
  provider: string,
  table: DefaultModelTable,
): readonly ModelConfig[] {
  return deepFreeze([
    ...table.chat.map((row) => chatModel(provider, row, table.cacheWrites?.[row[0]])),
    ...table.embedding.map((row) => embeddingModel(provider, row)),
  ]);
}
