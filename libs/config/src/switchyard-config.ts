import type { ProviderType } from '@switchyard/providers';
import type { KeyStrategy } from './key-strategy.js';
import type { LogLevel } from './log-level.js';
import type { ModelKind } from './model-kind.js';

/** USD per token as exact decimal strings such as `"0.0000025"`, never floats. */
export interface PricingConfig {
  prompt: string;
  completion: string;
  cachedPrompt: string | undefined;
  reasoning: string | undefined;
  /** Prompt tokens written to a 5-minute prompt cache; the prompt rate when absent. */
  cacheWrite?: string | undefined;
  /** Prompt tokens written to a 1-hour prompt cache; the 5-minute write rate when absent. */
  cacheWrite1h?: string | undefined;
}

/** One way to serve a model: which provider, under which upstream name, at what price. */
export interface RouteConfig {
  provider: string;
  upstreamModel: string;
  /** Integer ≥ 0; lower is tried first. A model's routes are sorted by it (stable). */
  priority: number;
  pricing: PricingConfig;
  /** Every price of the route is zero: what a `:free` request may use. */
  free: boolean;
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

/** One upstream API key of a provider's pool, with the provider's own limits for it. */
export interface CredentialConfig {
  /** `<provider>:<index in the pool>`: stable, safe to log and to use as a metric label. */
  id: string;
  /** The secret; never log it. */
  key: string;
  /** Requests per minute; `undefined` is unlimited, as are the other limits. */
  rpm: number | undefined;
  /** Tokens per minute. */
  tpm: number | undefined;
  /** Requests per day. */
  dailyRequests: number | undefined;
}

/** An upstream API and the pool of credentials used to call it. */
export interface ProviderConfig {
  name: string;
  type: ProviderType;
  /** Without a trailing slash. */
  baseUrl: string;
  /** Empty when the server needs no key. */
  credentials: readonly CredentialConfig[];
  keyStrategy: KeyStrategy;
  headers: Readonly<Record<string, string>>;
  /** The AWS region a SigV4-signed provider signs for, when its base URL names none. */
  region?: string;
  /**
   * `serve_listed_models`: the catalog sync routes the makers' models through this provider
   * whenever its model list serves them (hosted routes). Absent or false: the list is read and
   * reported, but only the YAML routes models to the provider — a cloud lists models an account
   * may not be allowed to call (IAM, Bedrock model access, Claude not enabled on Vertex).
   */
  serveListedModels?: boolean;
}

/** The validated, deeply frozen configuration of a Switchyard process. */
export interface SwitchyardConfig {
  server: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    /** Longest wait for a request's headers (408 after). */
    headersTimeoutMs: number;
    /** Longest wait for a whole request, body included (408 after); never limits the answer. */
    bodyTimeoutMs: number;
    shutdownGraceMs: number;
    /** Whether a serving process compacts its heap once idle after a burst (`trimHeapWhenIdle`). */
    idleHeapTrim: boolean;
  };
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
