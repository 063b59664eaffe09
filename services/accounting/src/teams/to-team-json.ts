import type { JsonObject, Team } from '@switchyard/db';
import { type BudgetJson, toBudgetJson } from '../admin/budget-columns.js';

/** A team as the admin API shows it. */
export interface TeamJson {
  id: string;
  object: 'team';
  organization_id: string;
  name: string;
  limits: { rpm: number | null; tpm: number | null; max_concurrent: number | null };
  budget: BudgetJson;
  model_allowlist: string[] | null;
  metadata: JsonObject;
  created_at: string;
  updated_at: string;
}

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
