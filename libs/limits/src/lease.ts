import type { Drawn } from './allowance.js';
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
  /** Admitted from this replica's allowances, not the store: settled against them. */
  drawn?: Drawn;
}

/**
 * The record rides on the lease in a private field, not in a WeakMap keyed by the lease: V8's
 * young-generation GC treats a WeakMap's values as strong, so every record (one per request)
 * would survive the scavenges until the next full GC.
 */
class IssuedLease implements Lease {
  readonly id: string;
  readonly partition: string;
  readonly degraded: boolean;
  readonly #record: LeaseRecord;

  constructor(record: LeaseRecord) {
    this.id = record.leaseId;
    this.partition = record.partition;
    this.degraded = record.degraded;
    this.#record = record;
    Object.freeze(this);
  }

  static recordOf(lease: Lease): LeaseRecord | undefined {
    return #record in lease ? (lease as IssuedLease).#record : undefined;
  }
}

/** A new lease whose record {@link leaseRecord} returns. */
export function createLease(record: LeaseRecord): Lease {
  return new IssuedLease(record);
}

/** The record of a lease issued by {@link createLease}; throws for any other object. */
export function leaseRecord(lease: Lease): LeaseRecord {
  const record = IssuedLease.recordOf(lease);
  if (record === undefined) throw new TypeError('not a lease issued by a rate limiter');
  return record;
}

/** A lease record for `limits` of one admission, nothing released yet. */
export function newLeaseRecord(
  request: { readonly partition: string; readonly leaseId: string; readonly tokens: number },
  limits: readonly PlannedLimit[],
  degraded: boolean,
  drawn?: Drawn,
): LeaseRecord {
  return {
    partition: request.partition,
    leaseId: request.leaseId,
    tokenLimits: limits.filter((limit) => limit.kind === 'tokens'),
    concurrencyLimits: limits.filter((limit) => limit.kind === 'concurrency'),
    degraded,
    chargedTokens: request.tokens,
    released: false,
    ...(drawn !== undefined && { drawn }),
  };
}
