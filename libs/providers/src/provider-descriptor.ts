import type { DefaultModelTable } from './default-model-table.js';
import type { ModelListDialect } from './model-list-dialect.js';
import type { ProviderAdapter } from './provider-adapter.js';
import type { RequestSigner } from './request-signer.js';

/** The environment variables that enable a provider named after its type without any YAML. */
export interface ProviderEnvVariables<Variable extends string = string> {
  /** Read in order; the first one set is the key pool. */
  readonly keyVariables: readonly Variable[];
  readonly baseUrlVariable: Variable;
}

/**
 * How a provider's calls are authenticated: a static key from its credential pool sent as is
 * (`api-key`); requests signed with AWS Signature Version 4 (`sigv4`, signed per provider: its
 * region and the AWS default chain live in the gateway); or a credential exchanged for a bearer
 * token (`azure-entra`, `google-oauth`, one signer per type). Every signer runs after the adapter
 * built the request — it reads the clock and may fetch credentials; the adapter stays pure.
 */
export type ProviderAuth = ApiKeyAuth | SigV4Auth | SignedAuth;

/** A static key from the credential pool, written into the request by the adapter. */
export interface ApiKeyAuth {
  readonly kind: 'api-key';
  /** Calls (and the model list) fail without a key; false for self-hosted servers. */
  readonly required: boolean;
}

/**
 * AWS SigV4: a pool entry is `ACCESS_KEY_ID:SECRET[:SESSION_TOKEN]`; a provider without entries
 * signs with the AWS SDK's default chain (environment, shared profile, web identity / IRSA,
 * container and instance roles).
 */
export interface SigV4Auth {
  readonly kind: 'sigv4';
  /** The signing name of the service (`bedrock`). */
  readonly service: string;
  /** Never required: the default AWS chain finds credentials when the pool has none. */
  readonly required: false;
  /** The region a base URL of the service names (`bedrock-runtime.us-east-1.amazonaws.com`). */
  readonly regionOf: (baseUrl: string) => string | undefined;
}

/**
 * A credential turned into request authentication by a signer after the adapter built the
 * request: `azure-entra` (an `api-key`, or a Microsoft Entra client secret exchanged for a bearer
 * token), `google-oauth` (a service-account key or the environment's Google credentials).
 */
export interface SignedAuth {
  readonly kind: 'azure-entra' | 'google-oauth';
  /** Calls fail without a credential in the pool (false: the signer has an ambient one). */
  readonly required: boolean;
  /** Builds the signer; called once per process. */
  readonly createSigner: () => RequestSigner;
}

/**
 * Everything Switchyard knows about one provider type, declared in that provider's folder and
 * registered by one line in `PROVIDER_DESCRIPTORS`. Config, the gateway's adapters, the catalog
 * sync and the docs derive from it; nothing else branches on the type string.
 */
export interface ProviderDescriptor<
  Type extends string = string,
  Variable extends string = string,
> {
  /** The type as written in configuration (`type: anthropic`). */
  readonly type: Type;
  /** Builds the pure adapter; called once per process. */
  readonly createAdapter: () => ProviderAdapter;
  /** The API's public base URL; undefined when there is none (a self-hosted server). */
  readonly defaultBaseUrl: string | undefined;
  /** The variables that enable a provider of this name from the environment; undefined: YAML only. */
  readonly env: ProviderEnvVariables<Variable> | undefined;
  readonly auth: ProviderAuth;
  /** The price list added when a provider of this name exists and the YAML routes no model to it. */
  readonly defaultModels: DefaultModelTable;
  /**
   * How the catalog sync reads the models it serves (requests signed by the type's signer when
   * its auth has one); undefined when it cannot be listed.
   */
  readonly modelList: ModelListDialect | undefined;
  /** Why there is no model list, shown in the sync report; absent: `no model list`. */
  readonly noModelListReason?: string;
  /**
   * Serves other providers' models under OpenRouter's `<provider>/<model>` ids: the catalog routes
   * OpenRouter catalog entries through it, and the environment adds it after direct providers.
   */
  readonly aggregator: boolean;
}
