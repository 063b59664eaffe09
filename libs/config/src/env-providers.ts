import type { EnvOverrides } from './env-schema.js';
import type { ProviderType } from './provider-type.js';

type KeyVariable = Extract<keyof EnvOverrides, `${string}_API_KEY`>;
type BaseUrlVariable = Extract<keyof EnvOverrides, `${string}_BASE_URL`>;

/** A provider the environment alone can enable, and the variables that do it. */
export interface EnvProvider {
  name: string;
  type: ProviderType;
  /** Read in order; the first one set is the key pool. */
  keyVariables: readonly KeyVariable[];
  baseUrlVariable: BaseUrlVariable;
  defaultBaseUrl: string;
}

/** Every provider the environment can enable, in the order they are added to the configuration. */
export const ENV_PROVIDERS: readonly EnvProvider[] = [
  {
    name: 'openai',
    type: 'openai',
    keyVariables: ['OPENAI_API_KEY'],
    baseUrlVariable: 'OPENAI_BASE_URL',
    defaultBaseUrl: 'https://api.openai.com/v1',
  },
  {
    name: 'anthropic',
    type: 'anthropic',
    keyVariables: ['ANTHROPIC_API_KEY'],
    baseUrlVariable: 'ANTHROPIC_BASE_URL',
    defaultBaseUrl: 'https://api.anthropic.com/v1',
  },
  {
    name: 'google',
    type: 'google',
    // Google's own docs name the key GEMINI_API_KEY; GOOGLE_API_KEY wins when both are set.
    keyVariables: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
    baseUrlVariable: 'GOOGLE_BASE_URL',
    defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  },
  {
    name: 'openrouter',
    type: 'openrouter',
    keyVariables: ['OPENROUTER_API_KEY'],
    baseUrlVariable: 'OPENROUTER_BASE_URL',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
  },
];
