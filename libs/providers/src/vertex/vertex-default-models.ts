import type { DefaultModelTable } from '../default-model-table.js';

/**
 * Gemini and Claude on Vertex AI (`vertex/<model>`), added when a provider named `vertex` exists
 * and the YAML routes no model to it. Prices are USD per million tokens from the Vertex AI price
 * list (Gemini: prompts up to 200k tokens; Claude: the global endpoint's, regional endpoints list
 * 10% more for the 4.5 models); the cached price is a cache read, and Claude's cache writes cost
 * 1.25× input for 5 minutes, 2× for 1 hour.
 */
export const VERTEX_DEFAULT_MODELS: DefaultModelTable = {
  chat: [
    ['gemini-2.5-pro', 'Gemini 2.5 Pro (Vertex)', 1_048_576, 65_536, '1.25', '0.125', '10.00'],
    ['gemini-2.5-flash', 'Gemini 2.5 Flash (Vertex)', 1_048_576, 65_536, '0.30', '0.03', '2.50'],
    // biome-ignore format: one row per model
    ['claude-sonnet-4-5@20250929', 'Claude Sonnet 4.5 (Vertex)', 200_000, 64_000, '3.00', '0.30', '15.00', 'claude-sonnet-4-5'],
    // biome-ignore format: one row per model
    ['claude-haiku-4-5@20251001', 'Claude Haiku 4.5 (Vertex)', 200_000, 64_000, '1.00', '0.10', '5.00', 'claude-haiku-4-5'],
    // biome-ignore format: one row per model
    ['claude-opus-4-1@20250805', 'Claude Opus 4.1 (Vertex)', 200_000, 32_000, '15.00', '1.50', '75.00', 'claude-opus-4-1'],
  ],
  embedding: [['gemini-embedding-001', 2048, '0.15']],
  cacheWrites: {
    'claude-sonnet-4-5@20250929': ['3.75', '6.00'],
    'claude-haiku-4-5@20251001': ['1.25', '2.00'],
    'claude-opus-4-1@20250805': ['18.75', '30.00'],
  },
};
