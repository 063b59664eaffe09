import type { DefaultModelTable } from '../default-model-table.js';

/**
 * The usual OpenAI models (`openai/<model>`), added when provider `openai` exists and the YAML
 * routes no model to it. Prices are USD per million tokens, from OpenAI's standard-tier list prices.
 */
export const OPENAI_DEFAULT_MODELS: DefaultModelTable = {
  chat: [
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
  ],
  embedding: [
    ['text-embedding-3-small', 8191, '0.02'],
    ['text-embedding-3-large', 8191, '0.13'],
  ],
};
