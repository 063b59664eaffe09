import type { LimitScope } from './limit-scope.js';

/** One request asking to be let through every limit of its scopes at once. */
export interface AdmissionRequest {
  /**
   * Hash tag grouping every Redis key of this request in one cluster slot (the team id, or the
   * key id when teamless). A scope must always be checked under the same partition.
   */
  readonly partition: string;
  readonly scopes: readonly LimitScope[];
  /** Tokens reserved at admission against every TPM limit: prompt estimate + max_tokens cap. */
  readonly tokens: number;
  /** Lease id (the request id), used for the concurrency slot. */
  readonly leaseId: string;
}
