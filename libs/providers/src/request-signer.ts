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
    deadline: SignDeadline,
  ): Promise<UpstreamRequest>;
}

/**
 * What cancels a signing. A signer reads `signal` only when it must wait (a token fetch): the
 * gateway's request deadline makes its `AbortSignal` on first read, and a signing that waits for
 * nothing (a key sent as it is, SigV4, a cached token) should not make one.
 */
export interface SignDeadline {
  readonly signal: AbortSignal;
}
