import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DefaultedTimestamp, GeneratedId } from './column-types.js';

/**
 * `accounting.organizations`: the tenant above teams. The first accounting migration creates
 * one row, {@link DEFAULT_ORGANIZATION_ID}.
 */
export interface OrganizationsTable {
  id: GeneratedId;
  name: string;
  created_at: DefaultedTimestamp;
}

/** The id of the organisation the first accounting migration creates (the migration repeats it). */
export const DEFAULT_ORGANIZATION_ID = '00000000-0000-0000-0000-000000000001';

/** An organisation row as read. */
export type Organization = Selectable<OrganizationsTable>;
/** An organisation row to insert. */
export type NewOrganization = Insertable<OrganizationsTable>;
/** Changes to an organisation row. */
export type OrganizationUpdate = Updateable<OrganizationsTable>;
