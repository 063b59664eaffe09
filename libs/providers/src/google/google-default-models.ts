import type { DefaultModelTable } from '../default-model-table.js';

/**
 * The Gemini 2.5 models and embeddings (`google/<model>`), added when provider `google` exists and
 * the YAML routes no model to it. Prices are USD per million tokens, from Google's paid-tier list
 * prices for prompts up to 200k tokens (Gemini 2.5 Pro costs more above that).
 */
export const GOOGLE_DEFAULT_MODELS: DefaultModelTable = {
  chat: [
    ['gemini-2.5-pro', 'Gemini 2.5 Pro', 1_048_576, 65_536, '1.25', '0.31', '10.00'],
    ['gemini-2.5-flash', 'Gemini 2.5 Flash', 1_048_576, 65_536, '0.30', '0.075', '2.50'],
    ['gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 1_048_576, 65_536, '0.10', '0.025', '0.40'],
  ],
  embedding: [['gemini-embedding-001', 2048, '0.15']],
};
