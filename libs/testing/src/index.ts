export {
  type FakeAnthropic,
  type FakeAnthropicOptions,
  type FakeAnthropicStats,
  startFakeAnthropic,
} from './fake-anthropic/start-fake-anthropic.js';
export {
  type FakeAzure,
  type FakeAzureOptions,
  startFakeAzure,
} from './fake-azure/start-fake-azure.js';
export {
  type FakeEntra,
  type FakeEntraOptions,
  startFakeEntra,
} from './fake-azure/start-fake-entra.js';
export type { FakeAwsCredential } from './fake-bedrock/fake-aws-credential.js';
export {
  type FakeBedrock,
  type FakeBedrockOptions,
  startFakeBedrock,
} from './fake-bedrock/start-fake-bedrock.js';
export {
  type FakeGoogle,
  type FakeGoogleOptions,
  type FakeGoogleStats,
  startFakeGoogle,
} from './fake-google/start-fake-google.js';
export type { FakeListedModel } from './fake-model-catalog/fake-listed-model.js';
export {
  type FakeOpenRouterModel,
  type FakeOpenRouterPricing,
  fakeOpenRouterModel,
} from './fake-model-catalog/fake-openrouter-model.js';
export {
  type FakeCatalogBehaviour,
  type FakeCatalogSource,
  type FakeModelCatalog,
  type FakeModelCatalogOptions,
  startFakeModelCatalog,
} from './fake-model-catalog/start-fake-model-catalog.js';
export type { TokenLedger, TokenVerdict } from './fake-oauth/create-token-ledger.js';
export { FAKE_REPORTED_COST } from './fake-openai/openai-scenario.js';
export {
  type FakeOpenAI,
  type FakeOpenAIOptions,
  type FakeOpenAIStats,
  startFakeOpenAI,
} from './fake-openai/start-fake-openai.js';
export { type FakeSts, type FakeStsOptions, startFakeSts } from './fake-sts/start-fake-sts.js';
export { countFakeTokens } from './fake-upstream/count-fake-tokens.js';
export type { RecordedRequest } from './fake-upstream/recorded-request.js';
export {
  type FakeGoogleToken,
  type FakeGoogleTokenOptions,
  startFakeGoogleToken,
} from './fake-vertex/start-fake-google-token.js';
export {
  type FakeMetadataServer,
  type FakeMetadataServerOptions,
  startFakeMetadataServer,
} from './fake-vertex/start-fake-metadata-server.js';
export {
  type FakeVertex,
  type FakeVertexOptions,
  startFakeVertex,
} from './fake-vertex/start-fake-vertex.js';
export { collectGarbage, isCollected } from './is-collected.js';
export { compareCheckWithSchema, oneFieldVariants } from './one-field-variants.js';
export { randomJson, seededRandom } from './random-json.js';
export {
  createFreshPostgresDatabase,
  type FreshPostgresDatabase,
} from './services/create-fresh-postgres-database.js';
export type { TestService } from './services/test-service.js';
export { useNats } from './services/use-nats.js';
export { usePostgres } from './services/use-postgres.js';
export { useRedis } from './services/use-redis.js';
export { createSseParser, type SseParser } from './sse/create-sse-parser.js';
export { parseSse } from './sse/parse-sse.js';
export { readSse } from './sse/read-sse.js';
export type { SseEvent } from './sse/sse-event.js';
