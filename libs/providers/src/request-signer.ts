import type { UpstreamRequest } from './provider-adapter.js';

/**
 * Authenticates a built request for providers whose credential is not sent as it is: it fetches
 * (and caches) an OAuth token for the credential, or signs the request. It does I/O, so it lives
 * beside the pure adapter, one per provider type and process (its token cache is shared by every
 * provider of that type). A credential it cannot use is a `ProviderError` of kind
 * `authentication` whose message never quotes the credential or a token.
 */
export interface RequestSigner {
  sign(
    request: UpstreamRequest,
    credential: string | undefined,
    signal: AbortSignal,
  ): Promise<UpstreamRequest>;
}
