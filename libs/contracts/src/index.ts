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
export { type KeysChanged, keysChangedSchema } from './admin/keys-changed.js';
export {
  isPostgresText,
  MAX_POSTGRES_INTEGER,
  positiveIntegerColumnSchema,
  postgresTextSchema,
} from './admin/postgres-text.js';
export {
  daySchema,
  isPostgresTimestampText,
  timestampSchema,
} from './admin/timestamp-schemas.js';
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
export { type OpenAiUsage, openAiUsageSchema, type TokenUsage } from './openai/usage.js';
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
