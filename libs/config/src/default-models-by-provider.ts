import { DEFAULT_ANTHROPIC_MODELS } from './default-anthropic-models.js';
import { DEFAULT_GOOGLE_MODELS } from './default-google-models.js';
import { DEFAULT_OPENAI_MODELS } from './default-openai-models.js';
import type { ModelConfig } from './switchyard-config.js';

/**
 * The models each well-known provider (by name) serves without any YAML. OpenRouter has none:
 * its models come from the YAML (or a catalog sync), and `openrouter/auto` has no fixed price.
 */
export const DEFAULT_MODELS_BY_PROVIDER: ReadonlyMap<string, readonly ModelConfig[]> = new Map([
  ['openai', DEFAULT_OPENAI_MODELS],
  ['anthropic', DEFAULT_ANTHROPIC_MODELS],
  ['google', DEFAULT_GOOGLE_MODELS],
]);
