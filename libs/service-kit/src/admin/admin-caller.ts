/** The roles of PRODUCT.md: admin (everything), team_admin (its own team), member (its own usage). */
export type AdminRole = 'admin' | 'team_admin' | 'member';

/**
 * Who may manage through the admin API: the master key (admin, no team, no key id) or an admin
 * or team_admin key with its team and id.
 */
export interface AdminPrincipal {
  role: Exclude<AdminRole, 'member'>;
  /** The calling key's team; null for the master key. */
  teamId: string | null;
  /** The calling key's id; null for the master key. */
  keyId: string | null;
  /**
   * The SSO subject (the identity provider's `sub`) when a person signed in to the console acts,
   * vouched for by a signed actor assertion; then `keyId` is null. Absent for keys.
   */
  subject?: string;
}

/** Who is calling an admin route: an {@link AdminPrincipal}, or a member key (its own usage only). */
export type AdminCaller = AdminPrincipal | { role: 'member'; teamId: string; keyId: string };
