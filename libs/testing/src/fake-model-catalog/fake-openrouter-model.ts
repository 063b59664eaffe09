/** USD per token as OpenRouter writes it (decimal strings). */
export interface FakeOpenRouterPricing {
  prompt: string;
  completion: string;
  request?: string;
  image?: string;
  input_cache_read?: string;
  input_cache_write?: string;
  internal_reasoning?: string;
}

/** One entry of OpenRouter's `GET /api/v1/models` `data` array, with the fields Switchyard reads. */
export interface FakeOpenRouterModel {
  id: string;
  name: string;
  created: number;
  description: string;
  context_length: number;
  architecture: {
    modality: string;
    input_modalities: string[];
    output_modalities: string[];
    tokenizer: string;
  };
  pricing: FakeOpenRouterPricing;
  top_provider: {
    context_length: number;
    max_completion_tokens: number | null;
    is_moderated: boolean;
  };
  supported_parameters: string[];
}

/**
 * An OpenRouter catalog entry in the real wire format, priced per token; `:free` ids are priced
 * at zero. Pass `overrides` to change or break any field.
 */
export function fakeOpenRouterModel(
  id: string,
  overrides: Partial<Omit<FakeOpenRouterModel, 'pricing'>> & {
    pricing?: Partial<FakeOpenRouterPricing>;
  } = {},
): FakeOpenRouterModel {
  const free = id.endsWith(':free');
  const { pricing, ...rest } = overrides;
  return {
    id,
    name: `Fake ${id.slice(id.indexOf('/') + 1)}${free ? ' (free)' : ''}`,
    created: 1_730_000_000,
    description: 'A model of the fake OpenRouter catalog.',
    context_length: 128_000,
    architecture: {
      modality: 'text+image->text',
      input_modalities: ['text', 'image'],
      output_modalities: ['text'],
      tokenizer: 'GPT',
    },
    pricing: {
      prompt: free ? '0' : '0.0000025',
      completion: free ? '0' : '0.00001',
      request: '0',
      image: '0',
      input_cache_read: free ? '0' : '0.00000125',
      ...pricing,
    },
    top_provider: { context_length: 128_000, max_completion_tokens: 16_384, is_moderated: false },
    supported_parameters: ['max_tokens', 'temperature', 'tools', 'tool_choice', 'response_format'],
    ...rest,
  };
}
