import { type FakeOpenRouterModel, fakeOpenRouterModel } from './fake-openrouter-model.js';

/** What the fake OpenRouter catalog serves until a test sets its own list. */
export function defaultOpenRouterModels(): FakeOpenRouterModel[] {
  return [
    fakeOpenRouterModel('openai/gpt-4o', { name: 'OpenAI: GPT-4o' }),
    fakeOpenRouterModel('openai/gpt-4o-mini', {
      name: 'OpenAI: GPT-4o-mini',
      pricing: { prompt: '0.00000015', completion: '0.0000006', input_cache_read: '0.000000075' },
    }),
    fakeOpenRouterModel('anthropic/claude-3.5-sonnet', {
      name: 'Anthropic: Claude 3.5 Sonnet',
      context_length: 200_000,
      pricing: {
        prompt: '0.000003',
        completion: '0.000015',
        input_cache_read: '0.0000003',
        input_cache_write: '0.00000375',
      },
      top_provider: { context_length: 200_000, max_completion_tokens: 8192, is_moderated: true },
    }),
    fakeOpenRouterModel('google/gemini-2.0-flash', {
      name: 'Google: Gemini 2.0 Flash',
      context_length: 1_048_576,
      pricing: { prompt: '0.0000001', completion: '0.0000004', input_cache_read: '0.000000025' },
    }),
    fakeOpenRouterModel('meta-llama/llama-3.1-8b-instruct', {
      name: 'Meta: Llama 3.1 8B Instruct',
      pricing: { prompt: '0.00000002', completion: '0.00000003', input_cache_read: '0' },
    }),
    fakeOpenRouterModel('meta-llama/llama-3.1-8b-instruct:free', {
      name: 'Meta: Llama 3.1 8B Instruct (free)',
    }),
  ];
}
