import type { PlannedLimit } from './planned-limit.js';

/**
 * A granted admission: hand it back to `reconcile` when usage is known and to `release` when the
 * request ends. Opaque beyond the fields below; only the limiter that issued it reads the rest.
 */
export interface Lease {
  /** The lease id of the admission request (the request id). */
  readonly id: string;
  readonly partition: string;
  /** Admitted unchecked while the store was unreachable; reconcile skips it. */
  readonly degraded: boolean;
}

/** What a limiter keeps about a lease it issued. */
export interface LeaseRecord {
  readonly partition: string;
  readonly leaseId: string;
  /** The TPM limits charged at admission (their limits as they were then). */
  readonly tokenLimits: readonly PlannedLimit[];
  /** The concurrency limits holding a slot for the lease. */
  readonly concurrencyLimits: readonly PlannedLimit[];
  readonly degraded: boolean;
  /** Tokens charged against every TPM limit now: the reservation, then the reconciled usage. */
  chargedTokens: number;
  released: boolean;
}

const records = new WeakMap<Lease, LeaseRecord>();

/** A new lease whose record {@link leaseRecord} returns. */
export function createLease(record: LeaseRecord): Lease {
  const lease: Lease = Object.freeze({
    id: record.leaseId,
    partition: record.partition,
    degraded: record.degraded,
  });
  records.set(lease, record);
  return lease;
}

/** The record of a lease issued by {@link createLease}; throws for any other object. */
export function leaseRecord(lease: Lease): LeaseRecord {
  const record = records.get(lease);
  if (record === undefined) throw new TypeError('not a lease issued by a rate limiter');
  return record;
}

/** A lease record for `limits` of one admission, nothing released yet. */
export function newLeaseRecord(
  request: { readonly partition: string; readonly leaseId: string; readonly tokens: number },
  limits: readonly PlannedLimit[],
  degraded: boolean,
): LeaseRecord {
  return {
    partition: request.partition,
    leaseId: request.leaseId,
    tokenLimits: limits.filter((limit) => limit.kind === 'tokens'),
    concurrencyLimits: limits.filter((limit) => limit.kind === 'concurrency'),
    degraded,
    chargedTokens: request.tokens,
    released: false,
  };
}
