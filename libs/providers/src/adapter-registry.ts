import type { ProviderAdapter } from './provider-adapter.js';
import { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';

/** One adapter per provider type of `PROVIDER_DESCRIPTORS`, built once. */
const ADAPTERS: ReadonlyMap<string, ProviderAdapter> = new Map(
  PROVIDER_DESCRIPTORS.map((descriptor) => [descriptor.type, descriptor.createAdapter()]),
);

/** The adapter for a provider type, or undefined when this build has none. */
export function adapterFor(providerType: string): ProviderAdapter | undefined {
  return ADAPTERS.get(providerType);
}
