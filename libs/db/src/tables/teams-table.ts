import type { Insertable, Selectable, Updateable } from 'kysely';
import type { BudgetPeriod } from './api-keys-table.js';
import type {
  Defaulted,
  DefaultedTimestamp,
  GeneratedId,
  NullableColumn,
  NullableTimestamp,
} from './column-types.js';
import type { JsonObject } from './json-value.js';

/**
 * `accounting.teams`: a team of an organisation, with limits applied on top of its keys' limits.
 * A null limit means unlimited; a null `model_allowlist` means every model. Soft-deleted through
 * `deleted_at`; a name is unique among the organisation's live teams.
 */
export interface TeamsTable {
  id: GeneratedId;
  organization_id: string;
  name: string;
  /** Requests per minute. */
  rpm: NullableColumn<number>;
  /** Tokens per minute. */
  tpm: NullableColumn<number>;
  /** Requests in flight at once. */
  max_concurrent: NullableColumn<number>;
  /** Model ids, `provider/*` wildcards or `:free`; null means every model. */
  model_allowlist: NullableColumn<string[]>;
  /** USD budget as an exact decimal string (`numeric`); null means no budget. */
  budget_usd: NullableColumn<string>;
  /** What the budget covers: a UTC day, a UTC month, or all time; null with no budget. */
  budget_period: NullableColumn<BudgetPeriod>;
  /** Percent thresholds that send a spend alert; null means the defaults (50, 80, 100). */
  budget_alert_thresholds: NullableColumn<number[]>;
  /** Whether a projected overspend sends an alert; null means yes. */
  budget_alert_projected: NullableColumn<boolean>;
  metadata: Defaulted<JsonObject>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
  deleted_at: NullableTimestamp;
}

/** A team row as read. */
export type Team = Selectable<TeamsTable>;
/** A team row to insert. */
export type NewTeam = Insertable<TeamsTable>;
/** Changes to a team row. */
export type TeamUpdate = Updateable<TeamsTable>;
