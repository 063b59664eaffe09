import { PROVIDER_DESCRIPTORS } from '@switchyard/providers';
import { buildDefaultModels } from './build-default-models.js';
import type { ModelConfig } from './switchyard-config.js';

/**
 * The models each well-known provider (by name: its type) serves without any YAML, built once from
 * its descriptor's price list. Providers without a fixed list (OpenRouter, self-hosted) have none.
 */
export const DEFAULT_MODELS_BY_PROVIDER: ReadonlyMap<string, readonly ModelConfig[]> = new Map(
  PROVIDER_DESCRIPTORS.filter(
    ({ defaultModels }) => defaultModels.chat.length + defaultModels.embedding.length > 0,
  ).map((descriptor) => [
    descriptor.type,
    buildDefaultModels(descriptor.type, descriptor.defaultModels),
  ]),
);
