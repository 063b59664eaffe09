import type { AdminCaller } from '@switchyard/service-kit';
import { adminErrors } from '../admin/admin-errors.js';

/**
 * The team a usage query may see: an admin sees what it asked for (every team when none); a
 * team_admin (or member) sees only its own team, and asking for another is a 403 `forbidden_team`.
 */
export function resolveTeamScope(
  principal: AdminCaller,
  requestedTeamId: string | undefined,
): string | undefined {
  if (principal.role === 'admin') return requestedTeamId;
  if (requestedTeamId !== undefined && requestedTeamId !== principal.teamId) {
    throw adminErrors.forbiddenTeam();
  }
  if (principal.teamId === null) throw adminErrors.forbiddenTeam();
  return principal.teamId;
}
