import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createVertexSigner } from './create-vertex-signer.js';
import { createVertexAdapter } from './vertex-adapter.js';
import { VERTEX_DEFAULT_MODELS } from './vertex-default-models.js';

/**
 * Google Vertex AI: Gemini and Claude (and text-embedding) models of one project and location,
 * named by the base URL, authenticated by a service-account key or the environment's Google
 * credentials. YAML (or the catalog) only; its models are not listed (the publisher model
 * catalog is not per project).
 */
export const vertexProvider = {
  type: 'vertex',
  createAdapter: createVertexAdapter,
  defaultBaseUrl: undefined,
  env: undefined,
  auth: { kind: 'google-oauth', required: false, createSigner: () => createVertexSigner() },
  defaultModels: VERTEX_DEFAULT_MODELS,
  modelList: undefined,
  aggregator: false,
} as const satisfies ProviderDescriptor;
