import type { LogLevel } from './log-level.js';
import type { ModelKind } from './model-kind.js';
import type { ProviderType } from './provider-type.js';

/** USD per token as exact decimal strings such as `"0.0000025"`, never floats. */
export interface PricingConfig {
  prompt: string;
  completion: string;
  cachedPrompt: string | undefined;
  reasoning: string | undefined;
}

/** One way to serve a model: which provider, under which upstream name, at what price. */
export interface RouteConfig {
  provider: string;
  upstreamModel: string;
  pricing: PricingConfig;
}

/** A model clients can ask for by `id` (`<provider>/<model>`). */
export interface ModelConfig {
  id: string;
  name: string;
  kind: ModelKind;
  contextLength: number;
  maxOutputTokens: number | undefined;
  routes: readonly RouteConfig[];
}

/** An upstream API and the pool of keys used to call it. */
export interface ProviderConfig {
  name: string;
  type: ProviderType;
  /** Without a trailing slash. */
  baseUrl: string;
  keys: readonly string[];
  headers: Readonly<Record<string, string>>;
}

/** The validated, deeply frozen configuration of a Switchyard process. */
export interface SwitchyardConfig {
  server: { host: string; port: number; bodyLimitBytes: number; shutdownGraceMs: number };
  upstream: {
    connectTimeoutMs: number;
    firstByteTimeoutMs: number;
    idleTimeoutMs: number;
    requestTimeoutMs: number;
  };
  logLevel: LogLevel;
  masterKey: string | undefined;
  /** Absolute path. */
  dataDir: string;
  /** Absolute path of the YAML file used, if any. */
  configFile: string | undefined;
  providers: readonly ProviderConfig[];
  models: readonly ModelConfig[];
}
