import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createBedrockAdapter } from './bedrock-adapter.js';
import { BEDROCK_DEFAULT_MODELS } from './bedrock-default-models.js';
import { bedrockModelList } from './bedrock-model-list.js';
import { bedrockRegionOf } from './bedrock-region-of.js';

/**
 * Amazon Bedrock's runtime API (Converse), SigV4-signed. YAML only: a provider per region (its
 * base URL, or `region` for a VPC endpoint), credentials from the pool or the AWS chain. Its
 * models are listed by the control plane of the same region (foundation models and inference
 * profiles), signed like its calls.
 */
export const bedrockProvider = {
  type: 'bedrock',
  createAdapter: createBedrockAdapter,
  defaultBaseUrl: 'https://bedrock-runtime.us-east-1.amazonaws.com',
  env: undefined,
  auth: { kind: 'sigv4', service: 'bedrock', required: false, regionOf: bedrockRegionOf },
  defaultModels: BEDROCK_DEFAULT_MODELS,
  modelList: bedrockModelList,
  aggregator: false,
} as const satisfies ProviderDescriptor;
