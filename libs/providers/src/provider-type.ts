import { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';

/** How the gateway speaks to a provider's API: the type of one of `PROVIDER_DESCRIPTORS`. */
export type ProviderType = (typeof PROVIDER_DESCRIPTORS)[number]['type'];

/** Every provider type, in the order of `PROVIDER_DESCRIPTORS` (never empty). */
export const PROVIDER_TYPES = PROVIDER_DESCRIPTORS.map((descriptor) => descriptor.type) as [
  ProviderType,
  ...ProviderType[],
];
