export { ConfigError } from './config-error.js';
export type { ConfigProblem } from './config-problem.js';
export { DEFAULT_MODELS_BY_PROVIDER } from './default-models-by-provider.js';
export { KEY_STRATEGIES, type KeyStrategy } from './key-strategy.js';
export { type LoadConfigOptions, loadConfig } from './load-config.js';
export { LOG_LEVELS, type LogLevel } from './log-level.js';
export { MODEL_KINDS, type ModelKind } from './model-kind.js';
export { parseEnvironment } from './parse-environment.js';
export { decryptSecret, SecretDecryptionError } from './secrets/decrypt-secret.js';
export { encryptSecret } from './secrets/encrypt-secret.js';
export type { EncryptedSecret } from './secrets/encrypted-secret.js';
export {
  createEncryptionKeyring,
  type EncryptionKey,
  type EncryptionKeyring,
  parseEncryptionKey,
} from './secrets/encryption-keyring.js';
export type {
  CredentialConfig,
  ModelConfig,
  PricingConfig,
  ProviderConfig,
  RouteConfig,
  SwitchyardConfig,
} from './switchyard-config.js';
