import type { ApiKeyRole } from '@switchyard/db';

/** Who is calling the admin API: the master key (admin, no team) or a key's role and team. */
export interface AdminPrincipal {
  role: Exclude<ApiKeyRole, 'member'>;
  /** The calling key's team; null for the master key. */
  teamId: string | null;
  /** The calling key's id; null for the master key. */
  keyId: string | null;
}
