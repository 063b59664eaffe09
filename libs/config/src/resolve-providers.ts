import { ENV_PROVIDERS, type EnvProvider } from './env-providers.js';
import type { EnvOverrides } from './env-schema.js';
import type { KeyEntry } from './keys-schema.js';
import type { CredentialConfig, ProviderConfig } from './switchyard-config.js';
import type { YamlProvider } from './yaml-config-schema.js';

/** The providers the environment defines on its own (used to check model references early). */
export function envProviderNames(env: Readonly<Record<string, string | undefined>>): string[] {
  const isSet = (name: string) => env[name] !== undefined && env[name] !== '';
  return ENV_PROVIDERS.filter(
    (source) => source.keyVariables.some(isSet) || isSet(source.baseUrlVariable),
  ).map((source) => source.name);
}

function toCredentials(provider: string, keys: readonly KeyEntry[]): CredentialConfig[] {
  // The id never contains the secret, so it can name the credential in logs and metrics.
  return keys.map((entry, index) => ({ id: `${provider}:${index}`, ...entry }));
}

function fromYaml(provider: YamlProvider): ProviderConfig {
  return {
    name: provider.name,
    type: provider.type,
    baseUrl: provider.base_url,
    credentials: toCredentials(provider.name, provider.keys ?? []),
    keyStrategy: provider.key_strategy ?? 'round_robin',
    headers: provider.headers ?? {},
    ...(provider.region !== undefined && { region: provider.region }),
    ...(provider.serve_listed_models === true && { serveListedModels: true }),
  };
}

function applyEnv(
  providers: readonly ProviderConfig[],
  source: EnvProvider,
  env: EnvOverrides,
): readonly ProviderConfig[] {
  const keys = source.keyVariables
    .map((variable) => env[variable])
    .find((pool) => pool !== undefined);
  const credentials = keys === undefined ? undefined : toCredentials(source.name, keys);
  const baseUrl = env[source.baseUrlVariable];
  if (providers.some((provider) => provider.name === source.name)) {
    return providers.map((provider) =>
      provider.name === source.name
        ? {
            ...provider,
            credentials: credentials ?? provider.credentials,
            baseUrl: baseUrl ?? provider.baseUrl,
          }
        : provider,
    );
  }
  if (credentials === undefined && baseUrl === undefined) return providers;
  return [
    ...providers,
    {
      name: source.name,
      type: source.type,
      baseUrl: baseUrl ?? source.defaultBaseUrl,
      credentials: credentials ?? [],
      keyStrategy: 'round_robin',
      headers: {},
    },
  ];
}

/**
 * The YAML's providers with the environment applied: `OPENAI_API_KEY` / `OPENAI_BASE_URL` (and
 * the same pair for anthropic, google, openrouter) replace the key pool and base URL of the provider
 * of that name, which either variable creates when the YAML has none (a base URL alone: a keyless
 * server). Environment keys carry no limits.
 */
export function resolveProviders(
  yamlProviders: readonly YamlProvider[],
  env: EnvOverrides,
): readonly ProviderConfig[] {
  return ENV_PROVIDERS.reduce<readonly ProviderConfig[]>(
    (providers, source) => applyEnv(providers, source, env),
    yamlProviders.map(fromYaml),
  );
}
