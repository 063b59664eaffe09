import type { ProviderDescriptor } from '../provider-descriptor.js';
import { createVertexSigner } from './create-vertex-signer.js';
import { createVertexAdapter } from './vertex-adapter.js';
import { VERTEX_DEFAULT_MODELS } from './vertex-default-models.js';
import { vertexModelList } from './vertex-model-list.js';

/**
 * Google Vertex AI: Gemini and Claude (and text-embedding) models of one project and location,
 * named by the base URL, authenticated by a service-account key or the environment's Google
 * credentials. YAML (or the catalog) only. Its models are listed from Model Garden's publisher
 * lists (Google's, and Anthropic's when Claude is routed to it) with the same token: the
 * publishers' catalogs, not per project, so a Claude model must still be enabled in the project.
 */
export const vertexProvider = {
  type: 'vertex',
  createAdapter: createVertexAdapter,
  defaultBaseUrl: undefined,
  env: undefined,
  auth: { kind: 'google-oauth', required: false, createSigner: () => createVertexSigner() },
  defaultModels: VERTEX_DEFAULT_MODELS,
  modelList: vertexModelList,
  aggregator: false,
} as const satisfies ProviderDescriptor;
