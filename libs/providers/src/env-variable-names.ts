import type { PROVIDER_DESCRIPTORS } from './provider-descriptors.js';

type EnvOf<Descriptor> = Descriptor extends { readonly env: infer Env } ? Env : never;
type KeysOf<Env> = Env extends { readonly keyVariables: readonly (infer Name)[] } ? Name : never;
type BaseUrlOf<Env> = Env extends { readonly baseUrlVariable: infer Name } ? Name : never;
type Env = EnvOf<(typeof PROVIDER_DESCRIPTORS)[number]>;

/**
 * The environment variables the descriptors read, as literal names (`OPENAI_API_KEY`), so the
 * parsed environment stays typed variable by variable: `key` names a key pool, `baseUrl` a URL.
 */
export interface EnvVariableNames {
  key: KeysOf<Env>;
  baseUrl: BaseUrlOf<Env>;
}
