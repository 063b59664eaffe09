import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createGoogleAdapter } from './google-adapter.js';
import { GOOGLE_DEFAULT_MODELS } from './google-default-models.js';
import { googleModelList } from './google-model-list.js';

/** Google's Gemini API (`generativelanguage.googleapis.com`). */
export const googleProvider = {
  type: 'google',
  createAdapter: createGoogleAdapter,
  defaultBaseUrl: 'https://generativelanguage.googleapis.com/v1beta',
  env: {
    // Google's own docs name the key GEMINI_API_KEY; GOOGLE_API_KEY wins when both are set.
    keyVariables: ['GOOGLE_API_KEY', 'GEMINI_API_KEY'],
    baseUrlVariable: 'GOOGLE_BASE_URL',
  },
  auth: { kind: 'api-key', required: true },
  defaultModels: GOOGLE_DEFAULT_MODELS,
  modelList: googleModelList,
  aggregator: false,
} as const satisfies ProviderDescriptor;
