/** Roles of PRODUCT.md: the master key and admin keys are `admin`. */
export type Role = 'admin' | 'team_admin' | 'member';

/** One principal's rate limits; an absent field does not apply. */
export interface PrincipalLimits {
  readonly requestsPerMinute?: number;
  readonly tokensPerMinute?: number;
  readonly maxConcurrent?: number;
}

/** A USD budget over the principal: its key's or its team's. */
export interface PrincipalBudget {
  readonly scope: 'key' | 'team';
  /** Exact decimal USD. */
  readonly limitUsd: string;
  readonly period: 'day' | 'month' | 'total';
}

/** Who is calling: what every later check (allowlists, limits, budgets, usage) keys on. */
export interface Principal {
  readonly keyId: string;
  readonly keyName: string;
  /** The secret's display prefix (`sk-sy-AbCd`); null for the master key. */
  readonly keyPrefix: string | null;
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly role: Role;
  readonly keyLimits: PrincipalLimits;
  readonly teamLimits: PrincipalLimits;
  /** The key's own limits per model id, on top of its other limits. */
  readonly modelLimits: Readonly<Record<string, PrincipalLimits>>;
  /** Every list must admit a model (the key's, then the team's); empty means no restriction. */
  readonly allowlists: readonly (readonly string[])[];
  /** Only `:free` routes. */
  readonly freeOnly: boolean;
  /** The key's and the team's budgets, when set. */
  readonly budgets: readonly PrincipalBudget[];
  /** Milliseconds since the epoch after which the key is dead; null when it never expires. */
  readonly expiresAt: number | null;
  /** Request and response bodies go to the request log (capped, credentials redacted). */
  readonly logBodies: boolean;
}

/** The principal of the master key: no limits, every model. */
export const MASTER_PRINCIPAL: Principal = Object.freeze({
  keyId: 'master',
  keyName: 'master key',
  keyPrefix: null,
  teamId: null,
  teamName: null,
  role: 'admin',
  keyLimits: {},
  teamLimits: {},
  modelLimits: {},
  allowlists: [],
  freeOnly: false,
  budgets: [],
  expiresAt: null,
  logBodies: false,
});
