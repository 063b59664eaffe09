export { adapterFor } from './adapter-registry.js';
export { createAnthropicAdapter } from './anthropic/anthropic-adapter.js';
export { convertChatCompletionToMessage } from './anthropic-ingress/convert-chat-completion-to-message.js';
export {
  type ConvertedMessagesRequest,
  convertMessagesRequest,
} from './anthropic-ingress/convert-messages-request.js';
export {
  createMessagesStreamTranslator,
  type MessagesStreamTranslator,
  type MessagesStreamTranslatorOptions,
} from './anthropic-ingress/create-messages-stream-translator.js';
export type { MessagesErrorType } from './anthropic-ingress/messages-error-type.js';
export {
  type MessagesRequest,
  messagesRequestSchema,
} from './anthropic-ingress/messages-request-schema.js';
export {
  type MessagesErrorResponse,
  type SwitchyardErrorBody,
  toMessagesError,
} from './anthropic-ingress/to-messages-error.js';
export type {
  DefaultChatRow,
  DefaultEmbeddingRow,
  DefaultModelTable,
} from './default-model-table.js';
export { descriptorFor } from './descriptor-for.js';
export type { EnvVariableNames } from './env-variable-names.js';
export { createGoogleAdapter } from './google/google-adapter.js';
export type {
  ListedModel,
  ModelListDialect,
  ModelListPage,
  ModelListTarget,
} from './model-list-dialect.js';
export type {
  NativeMessagesAdapter,
  NativeMessagesRequest,
  StreamUsageTap,
} from './native-messages-adapter.js';
export { createOpenAiCompatibleAdapter } from './openai-compatible/openai-compatible-adapter.js';
export { createOpenRouterAdapter } from './openrouter/openrouter-adapter.js';
export type {
  BuiltRequest,
  ChatStreamEncoder,
  ChatStreamOptions,
  ChatStreamSink,
  ChatStreamTransformer,
  EmbeddingsAdapter,
  ParsedResponse,
  ProviderAdapter,
  ResponseContext,
  UpstreamRequest,
  UpstreamTarget,
} from './provider-adapter.js';
export type {
  ProviderAuth,
  ProviderDescriptor,
  ProviderEnvVariables,
} from './provider-descriptor.js';
export { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';
export {
  classifyUpstreamStatus,
  ProviderError,
  type ProviderErrorFields,
  type ProviderErrorKind,
  parseRetryAfter,
} from './provider-error.js';
export { PROVIDER_TYPES, type ProviderType } from './provider-type.js';
export { createOpenAiSseEncoder } from './shared/create-openai-sse-encoder.js';
export { createSseParser, type SseParser } from './shared/create-sse-parser.js';
export { type EncodedChatStream, encodeChatStream } from './shared/encode-chat-stream.js';
export { isPlainObject } from './shared/is-plain-object.js';
export { parseJson } from './shared/parse-json.js';
export type { SseEvent } from './shared/parse-sse-events.js';
export {
  type ReasoningRequest,
  readReasoningRequest,
  thinkingBudget,
} from './shared/read-reasoning-request.js';
