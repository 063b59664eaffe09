import { createRouteConfig } from './create-route-config.js';
import { deepFreeze } from './deep-freeze.js';
import { shiftDecimalPoint } from './shift-decimal-point.js';
import type { ModelConfig } from './switchyard-config.js';

/**
 * A chat model of a provider's public price list, prices in USD per million tokens as published:
 * [upstream model, display name, context length, max output tokens, prompt, cached prompt,
 * completion, id after `<provider>/` when it differs from the upstream model].
 */
export type DefaultChatRow = readonly [
  string,
  string,
  number,
  number,
  string,
  string,
  string,
  string?,
];

/** An embedding model: [upstream model, context length, prompt price per million tokens]. */
export type DefaultEmbeddingRow = readonly [string, number, string];

function perToken(perMillion: string): string {
  return shiftDecimalPoint(perMillion, -6);
}

function chatModel(provider: string, row: DefaultChatRow): ModelConfig {
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
  table: { chat: readonly DefaultChatRow[]; embedding: readonly DefaultEmbeddingRow[] },
): readonly ModelConfig[] {
  return deepFreeze([
    ...table.chat.map((row) => chatModel(provider, row)),
    ...table.embedding.map((row) => embeddingModel(provider, row)),
  ]);
}
