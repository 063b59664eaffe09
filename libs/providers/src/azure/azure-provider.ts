import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createAzureAdapter } from './azure-adapter.js';
import { createAzureSigner } from './create-azure-signer.js';

/**
 * Azure OpenAI / Azure AI Foundry: YAML (or the catalog) only, since the base URL names the
 * customer's resource; models are deployments, so there is no default price list and no model
 * list (deployments are listed by the management plane, not the data plane).
 */
export const azureProvider = {
  type: 'azure',
  createAdapter: createAzureAdapter,
  defaultBaseUrl: undefined,
  env: undefined,
  auth: { kind: 'azure-entra', required: true, createSigner: () => createAzureSigner() },
  defaultModels: { chat: [], embedding: [] },
  modelList: undefined,
  aggregator: false,
} as const satisfies ProviderDescriptor;
