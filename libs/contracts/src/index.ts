export {
  accountingIdParamSchema,
  credentialIdParamSchema,
  decodeModelId,
  modelIdParamSchema,
  providerNameParamSchema,
  requestIdParamSchema,
  syncRunIdParamSchema,
} from './admin/admin-path-parameters.js';
export {
  type BudgetInput,
  budgetSchema,
  type CreateKey,
  type CreateTeam,
  createKeySchema,
  createTeamSchema,
  type KeyRole,
  type Limits,
  limitsSchema,
  modelAllowlistSchema,
  type PageQuery,
  pageQuerySchema,
  roleSchema,
  type UpdateKey,
  type UpdateTeam,
  updateKeySchema,
  updateTeamSchema,
} from './admin/admin-schemas.js';
export {
  type AlertDeliveriesQuery,
  type AlertDeliveryJson,
  type AlertWebhookJson,
  alertDeliveriesQuerySchema,
  alertDeliveryJsonSchema,
  alertDeliveryPageSchema,
  alertWebhookJsonSchema,
  alertWebhookPageSchema,
  type CreateAlertWebhook,
  createAlertWebhookSchema,
} from './admin/alert-schemas.js';
export {
  type AuditEntryJson,
  type AuditQuery,
  auditEntryJsonSchema,
  auditPageSchema,
  auditQuerySchema,
} from './admin/audit-log.js';
export {
  type BudgetAlertsInput,
  type BudgetAlertsJson,
  budgetAlertsJsonSchema,
  budgetAlertsSchema,
  DEFAULT_BUDGET_ALERT_THRESHOLDS,
} from './admin/budget-alerts-schema.js';
export {
  type CreateCredential,
  type CreateProvider,
  createCredentialSchema,
  createProviderSchemaFor,
  listCredentialsQuerySchema,
  listModelsQuerySchema,
  type PricingPatch,
  pricingPatchSchema,
  type UpdateCredential,
  type UpdateModel,
  type UpdateProvider,
  updateCredentialSchema,
  updateModelSchema,
  updateProviderSchema,
} from './admin/catalog-admin-requests.js';
export {
  type CredentialJson,
  credentialJsonSchema,
  credentialListSchema,
  type ModelJson,
  modelJsonSchema,
  modelPageSchema,
  type ProviderJson,
  providerJsonSchema,
  providerListSchema,
  publishedModelJsonSchema,
  publishedProviderJsonSchema,
  queuedSyncRunJsonSchema,
  type SyncReportJson,
  type SyncRunJson,
  syncReportJsonSchema,
  syncRunJsonSchema,
} from './admin/catalog-admin-responses.js';
export { credentialUsageQuerySchema } from './admin/credential-usage-query.js';
export { type KeysChanged, keysChangedSchema } from './admin/keys-changed.js';
export { type Page, pageSchema } from './admin/page-schema.js';
export {
  isPostgresText,
  MAX_POSTGRES_INTEGER,
  positiveIntegerColumnSchema,
  postgresTextSchema,
} from './admin/postgres-text.js';
export {
  type RequestLogQuery,
  requestLogQuerySchema,
} from './admin/request-log-query.js';
export {
  type BudgetJson,
  budgetJsonSchema,
  type DeletedJson,
  deletedJsonSchema,
  type KeyJson,
  type KeyWithSecretJson,
  keyJsonSchema,
  keyPageSchema,
  keyWithSecretJsonSchema,
  type LimitsJson,
  limitsJsonSchema,
  type TeamJson,
  teamJsonSchema,
  teamPageSchema,
} from './admin/team-and-key-responses.js';
export {
  daySchema,
  isPostgresTimestampText,
  timestampSchema,
} from './admin/timestamp-schemas.js';
export {
  fromNotAfterTo,
  STATUS_CLASSES,
  type StatusClass,
  type UsageEventsQuery,
  usageEventFilterFields,
  usageEventsQuerySchema,
} from './admin/usage-events-query.js';
export {
  type CredentialUsageJson,
  type CredentialUsageListJson,
  credentialUsageJsonSchema,
  credentialUsageListJsonSchema,
  type RequestBodiesJson,
  type RequestLogDetailJson,
  type RequestLogEntryJson,
  requestBodiesJsonSchema,
  requestLogDetailJsonSchema,
  requestLogEntryJsonSchema,
  requestLogPageSchema,
  type UsageEventJson,
  type UsageSummaryJson,
  type UsageTotalsJson,
  usageEventJsonSchema,
  usageEventPageSchema,
  usageSummaryJsonSchema,
  usageTotalsJsonSchema,
} from './admin/usage-responses.js';
export {
  USAGE_GROUP_BY,
  type UsageGroupBy,
  type UsageSummaryQuery,
  usageSummaryQuerySchema,
} from './admin/usage-summary-query.js';
export {
  type CatalogModelV1,
  type CatalogPricingV1,
  type CatalogProviderV1,
  type CatalogRouteV1,
  type CatalogSnapshotV1,
  catalogModelV1Schema,
  catalogPricingV1Schema,
  catalogProviderV1Schema,
  catalogRouteV1Schema,
  catalogSnapshotV1Schema,
} from './catalog/catalog-snapshot.js';
export { CATALOG_SNAPSHOT_KEY } from './catalog/catalog-snapshot-key.js';
export { decodeCatalogSnapshot } from './catalog/decode-catalog-snapshot.js';
export { type ErrorBody, errorBodySchema } from './error-body.js';
export {
  inspectJsonText,
  type JsonTextFinding,
  type JsonTextInspection,
} from './json-text/inspect-json-text.js';
export type { JsonMember, JsonObjectText } from './json-text/json-object-text.js';
export { skipJsonSpace } from './json-text/json-syntax.js';
export { readJsonObjectText } from './json-text/read-json-object-text.js';
export {
  afterJsonValue,
  type JsonMemberVisitor,
  visitJsonMembers,
} from './json-text/visit-json-members.js';
export {
  formatNanoUsd,
  formatUsd,
  multiplyUsd,
  parseUsd,
  sumUsd,
  toNanoUsd,
  type UsdAmount,
  usdFromNumber,
} from './money/usd-decimal.js';
export {
  type ChatCompletion,
  type ChatCompletionChoice,
  type ChatCompletionMessage,
  type ChatToolCall,
  chatCompletionChoiceSchema,
  chatCompletionMessageSchema,
  chatCompletionSchema,
  chatToolCallSchema,
} from './openai/chat-completion.js';
export {
  type ChatChunkChoice,
  type ChatCompletionChunk,
  type ChatDelta,
  type ChatToolCallDelta,
  chatChunkChoiceSchema,
  chatCompletionChunkSchema,
  chatDeltaSchema,
  chatLogprobsSchema,
  chatToolCallDeltaSchema,
} from './openai/chat-completion-chunk.js';
export {
  type ChatCompletionRequest,
  type ChatMessage,
  chatCompletionRequestSchema,
  chatMessageSchema,
  contentPartSchema,
} from './openai/chat-completion-request.js';
export { type EmbeddingsRequest, embeddingsRequestSchema } from './openai/embeddings-request.js';
export { isPlainChatRequest } from './openai/is-plain-chat-request.js';
export { isPlainResponsesRequest } from './openai/responses/is-plain-responses-request.js';
export {
  RESPONSES_BUILT_IN_ITEM_TYPES,
  type ResponsesContentPart,
  type ResponsesFunctionCallItem,
  type ResponsesFunctionCallOutputItem,
  type ResponsesInputItem,
  type ResponsesMessageItem,
  type ResponsesReasoningItem,
  responsesContentPartSchema,
  responsesFunctionCallItemSchema,
  responsesFunctionCallOutputItemSchema,
  responsesInputItemSchema,
  responsesMessageItemSchema,
  responsesReasoningItemSchema,
} from './openai/responses/responses-input-item.js';
export {
  type ResponsesFunctionTool,
  type ResponsesRequest,
  type ResponsesTextFormat,
  type ResponsesTool,
  type ResponsesToolChoice,
  responsesFunctionToolSchema,
  responsesRequestSchema,
  responsesTextFormatSchema,
  responsesToolChoiceSchema,
  responsesToolSchema,
} from './openai/responses/responses-request.js';
export {
  type ResponsesOutputItem,
  type ResponsesResponse,
  responsesOutputItemSchema,
  responsesResponseSchema,
} from './openai/responses/responses-response.js';
export {
  RESPONSES_LIFECYCLE_EVENTS,
  type ResponsesErrorEvent,
  type ResponsesStreamEvent,
  responsesErrorEventSchema,
  responsesStreamEventSchema,
} from './openai/responses/responses-stream-event.js';
export { type ResponsesUsage, responsesUsageSchema } from './openai/responses/responses-usage.js';
export { type OpenAiUsage, openAiUsageSchema, type TokenUsage } from './openai/usage.js';
export {
  arrayOf,
  type Check,
  inRange,
  isBoolean,
  isNonEmptyString,
  isNonNegativeInt,
  isPositiveInt,
  isRecord,
  isString,
  literal,
  nullable,
  objectWith,
} from './plain-json-checks.js';
export {
  type AttributionProblem,
  END_USER_MAX_CHARS,
  MAX_REQUEST_TAGS,
  parseEndUser,
  parseTagList,
  TAG_KEY_MAX_CHARS,
  TAG_MAX_CHARS,
  TAG_VALUE_MAX_CHARS,
} from './usage/attribution.js';
export {
  isUsageBatch,
  USAGE_BATCH_MAX_EVENTS,
  type UsageBatchV1,
  usageBatchV1Schema,
} from './usage/usage-batch.js';
export {
  COST_SOURCES,
  type CostSource,
  ERROR_MESSAGE_MAX_CHARS,
  LEDGER_USD_PATTERN,
  LOGGED_BODY_MAX_CHARS,
  type RequestBodies,
  requestBodiesSchema,
  USAGE_ENDPOINTS,
  USAGE_SOURCES,
  type UsageEventSource,
  type UsageEventV1,
  usageEventV1Schema,
} from './usage/usage-event.js';
