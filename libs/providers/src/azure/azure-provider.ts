import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createAzureAdapter } from './azure-adapter.js';
import { createAzureSigner } from './create-azure-signer.js';

/**
 * Azure OpenAI / Azure AI Foundry: YAML (or the catalog) only, since the base URL names the
 * customer's resource; models are deployments, so there is no default price list and no model
 * list: the data plane's deployment list was retired (last in `2023-03-15-preview`), and the
 * management plane's (Azure Resource Manager) needs the subscription, resource group and account
 * and a token for `management.azure.com` with a role on the account, none of which a provider's
 * `api-key` or Entra credential for the resource has.
 */
export const azureProvider = {
  type: 'azure',
  createAdapter: createAzureAdapter,
  defaultBaseUrl: undefined,
  env: undefined,
  auth: { kind: 'azure-entra', required: true, createSigner: () => createAzureSigner() },
  defaultModels: { chat: [], embedding: [] },
  modelList: undefined,
  noModelListReason:
    'no data-plane model list (Azure lists deployments only in its management plane)',
  aggregator: false,
} as const satisfies ProviderDescriptor;
