import type { ProviderDescriptor } from './provider-descriptor.js';
import { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';

const BY_TYPE: ReadonlyMap<string, ProviderDescriptor> = new Map(
  PROVIDER_DESCRIPTORS.map((descriptor) => [descriptor.type, descriptor]),
);

/** The descriptor of a provider type, or undefined when this build has none. */
export function descriptorFor(providerType: string): ProviderDescriptor | undefined {
  return BY_TYPE.get(providerType);
}
