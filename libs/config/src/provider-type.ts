/** Every provider type the gateway can talk to; add new adapters here. */
export const PROVIDER_TYPES = [
  'openai',
  'openai-compatible',
  'openrouter',
  'anthropic',
  'google',
] as const;

/** How the gateway speaks to a provider's API. */
export type ProviderType = (typeof PROVIDER_TYPES)[number];
