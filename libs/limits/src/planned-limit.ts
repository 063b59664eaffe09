import type { LimitKind } from './limit-kind.js';

/** One limit of one scope, as the implementations check it. */
export interface PlannedLimit {
  readonly scope: string;
  readonly kind: LimitKind;
  /** Requests or tokens per minute, or concurrent leases. */
  readonly limit: number;
}
