import type { TeamJson } from '@switchyard/contracts';
import type { Team } from '@switchyard/db';
import { toBudgetJson } from '../admin/budget-columns.js';

/** The response form of a team row. */
export function toTeamJson(team: Team): TeamJson {
  return {
    id: team.id,
    object: 'team',
    organization_id: team.organization_id,
    name: team.name,
    limits: { rpm: team.rpm, tpm: team.tpm, max_concurrent: team.max_concurrent },
    budget: toBudgetJson(team),
    model_allowlist: team.model_allowlist,
    metadata: team.metadata,
    created_at: team.created_at.toISOString(),
    updated_at: team.updated_at.toISOString(),
  };
}
