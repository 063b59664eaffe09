import type { EnvOverrides } from './env-schema.js';
import type { ProviderConfig } from './switchyard-config.js';
import type { YamlProvider } from './yaml-config-schema.js';

const OPENAI = 'openai';
const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The providers the environment defines on its own (used to check model references early). */
export function envProviderNames(env: Readonly<Record<string, string | undefined>>): string[] {
  const isSet = (value: string | undefined) => value !== undefined && value !== '';
  return isSet(env.OPENAI_API_KEY) || isSet(env.OPENAI_BASE_URL) ? [OPENAI] : [];
}

/**
 * The YAML's providers with `OPENAI_API_KEY` / `OPENAI_BASE_URL` applied to provider `openai`,
 * which either variable creates when the YAML has none (a base URL alone: a keyless local server).
 */
export function resolveProviders(
  yamlProviders: readonly YamlProvider[],
  env: EnvOverrides,
): ProviderConfig[] {
  const providers = yamlProviders.map(
    (provider): ProviderConfig => ({
      name: provider.name,
      type: provider.type,
      baseUrl: provider.base_url,
      keys: provider.keys ?? [],
      headers: provider.headers ?? {},
    }),
  );
  const keys = env.OPENAI_API_KEY;
  const baseUrl = env.OPENAI_BASE_URL;
  if (providers.some((provider) => provider.name === OPENAI)) {
    return providers.map((provider) =>
      provider.name === OPENAI
        ? { ...provider, keys: keys ?? provider.keys, baseUrl: baseUrl ?? provider.baseUrl }
        : provider,
    );
  }
  if (keys === undefined && baseUrl === undefined) return providers;
  return [
    ...providers,
    {
      name: OPENAI,
      type: 'openai',
      baseUrl: baseUrl ?? OPENAI_BASE_URL,
      keys: keys ?? [],
      headers: {},
    },
  ];
}
