export { adapterFor } from './adapter-registry.js';
export { createOpenAiCompatibleAdapter } from './openai-compatible/openai-compatible-adapter.js';
export type {
  BuiltRequest,
  ChatStreamOptions,
  ChatStreamTransformer,
  EmbeddingsAdapter,
  ParsedResponse,
  ProviderAdapter,
  ResponseContext,
  UpstreamRequest,
  UpstreamTarget,
} from './provider-adapter.js';
export {
  classifyUpstreamStatus,
  ProviderError,
  type ProviderErrorFields,
  type ProviderErrorKind,
  parseRetryAfter,
} from './provider-error.js';
