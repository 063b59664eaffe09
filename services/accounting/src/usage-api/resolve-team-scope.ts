import { adminErrors } from '../admin/admin-errors.js';
import type { AdminPrincipal } from '../admin/admin-principal.js';

/**
 * The team a usage query may see: an admin sees what it asked for (every team when none); a
 * team_admin sees only its own team, and asking for another is a 403 `forbidden_team`.
 */
export function resolveTeamScope(
  principal: AdminPrincipal,
  requestedTeamId: string | undefined,
): string | undefined {
  if (principal.role === 'admin') return requestedTeamId;
  if (requestedTeamId !== undefined && requestedTeamId !== principal.teamId) {
    throw adminErrors.forbiddenTeam();
  }
  if (principal.teamId === null) throw adminErrors.forbiddenTeam();
  return principal.teamId;
}
