import type { AdminCaller } from '@switchyard/service-kit';

/**
 * Whether the caller may see one ledger row: an admin every row, a team_admin its team's, a
 * member its own key's. A row it may not see is answered as not found.
 */
export function mayReadUsageEvent(
  principal: AdminCaller,
  row: { key_id: string | null; team_id: string | null },
): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role === 'member') return row.key_id === principal.keyId;
  return row.team_id !== null && row.team_id === principal.teamId;
}
