/** Roles of PRODUCT.md; per-team keys (issue #4) carry `team_admin` or `member`. */
export type Role = 'admin' | 'team_admin' | 'member';

/** Who is calling: what every later check (allowlists, limits, budgets, usage) keys on. */
export interface Principal {
  keyId: string;
  keyName: string;
  teamId: string | null;
  role: Role;
}

/** The principal of the master key. */
export const MASTER_PRINCIPAL: Principal = Object.freeze({
  keyId: 'master',
  keyName: 'master key',
  teamId: null,
  role: 'admin',
});
