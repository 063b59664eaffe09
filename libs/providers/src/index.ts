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
export { isPlainMessagesRequest } from './anthropic-ingress/is-plain-messages-request.js';
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
export { createAzureAdapter } from './azure/azure-adapter.js';
export { createAzureSigner } from './azure/create-azure-signer.js';
export { createBedrockAdapter } from './bedrock/bedrock-adapter.js';
export type {
  DefaultCacheWrites,
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
  NativeStreamDecoder,
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
  ResponsesApiAdapter,
  UpstreamRequest,
  UpstreamTarget,
} from './provider-adapter.js';
export type {
  ApiKeyAuth,
  ProviderAuth,
  ProviderDescriptor,
  ProviderEnvVariables,
  SignedAuth,
  SigV4Auth,
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
export type { RequestSigner } from './request-signer.js';
export { buildResponsesRequest } from './responses-ingress/build-responses-request.js';
export { convertChatCompletionToResponse } from './responses-ingress/convert-chat-completion-to-response.js';
export {
  type ConvertedResponsesRequest,
  convertResponsesRequest,
} from './responses-ingress/convert-responses-request.js';
export { convertResponsesUsage } from './responses-ingress/convert-responses-usage.js';
export {
  createResponsesPassThrough,
  type ResponsesPassThrough,
} from './responses-ingress/create-responses-pass-through.js';
export { createResponsesPassThroughEncoder } from './responses-ingress/create-responses-pass-through-encoder.js';
export {
  createResponsesStreamTranslator,
  type ResponsesStreamTranslator,
} from './responses-ingress/create-responses-stream-translator.js';
export { parseResponsesResponse } from './responses-ingress/parse-responses-response.js';
export { responsesEventType } from './responses-ingress/read-responses-event.js';
export { responsesFailureOf } from './responses-ingress/responses-failure-of.js';
export type { ResponsesContext } from './responses-ingress/responses-shell.js';
export { createOpenAiSseEncoder } from './shared/create-openai-sse-encoder.js';
export { createSseParser, type SseParser } from './shared/create-sse-parser.js';
export { type EncodedChatStream, encodeChatStream } from './shared/encode-chat-stream.js';
export { isPlainObject } from './shared/is-plain-object.js';
export { parseJson } from './shared/parse-json.js';
export { parseSseEvents, type SseEvent } from './shared/parse-sse-events.js';
export {
  type ReasoningRequest,
  readReasoningRequest,
  thinkingBudget,
} from './shared/read-reasoning-request.js';
export { setTopLevelFields } from './shared/set-top-level-fields.js';
export {
  type SignedProvider,
  type SignerForProviderOptions,
  signerForProvider,
} from './signer-for-provider.js';
export { signerFor } from './signer-registry.js';
export type { AwsCredentials } from './sigv4/aws-credentials.js';
export {
  type AwsCredentialSource,
  awsDefaultCredentials,
  createAwsChainCredentials,
} from './sigv4/aws-default-credentials.js';
export { createSigV4Signer, type SigV4SignerOptions } from './sigv4/create-sigv4-signer.js';
export { parseAwsCredentialKey } from './sigv4/parse-aws-credential-key.js';
export { type SigV4Scope, signSigV4Request } from './sigv4/sign-sigv4-request.js';
export { createVertexSigner } from './vertex/create-vertex-signer.js';
export { createVertexAdapter } from './vertex/vertex-adapter.js';
