import {
  type EnvVariableNames,
  PROVIDER_DESCRIPTORS,
  type ProviderType,
} from '@switchyard/providers';

/** A provider the environment alone can enable, and the variables that do it. */
export interface EnvProvider {
  name: string;
  type: ProviderType;
  /** Read in order; the first one set is the key pool. */
  keyVariables: readonly EnvVariableNames['key'][];
  baseUrlVariable: EnvVariableNames['baseUrl'];
  defaultBaseUrl: string;
}

function toEnvProvider(descriptor: (typeof PROVIDER_DESCRIPTORS)[number]): EnvProvider[] {
  const { env, defaultBaseUrl } = descriptor;
  if (env === undefined || defaultBaseUrl === undefined) return [];
  return [{ name: descriptor.type, type: descriptor.type, ...env, defaultBaseUrl }];
}

/**
 * Every provider the environment can enable (each descriptor with variables, named after its
 * type), in the order they are added to the configuration: direct providers in the order of
 * `PROVIDER_DESCRIPTORS`, then aggregators, so a model's own provider comes first.
 */
export const ENV_PROVIDERS: readonly EnvProvider[] = [
  ...PROVIDER_DESCRIPTORS.filter((descriptor) => !descriptor.aggregator),
  ...PROVIDER_DESCRIPTORS.filter((descriptor) => descriptor.aggregator),
].flatMap(toEnvProvider);
