import type { Tables } from '@switchyard/db';
import type { Kysely } from 'kysely';
import type { OnAccountingChange } from './accounting-change.js';
import type { AuthenticateAdmin } from './authenticate-admin.js';

/** What the admin routes need: the database, the pepper, who is calling, whom to tell of changes. */
export interface AdminRouteDeps {
  db: Kysely<Tables>;
  pepper: string;
  authenticate: AuthenticateAdmin;
  onChange: OnAccountingChange;
}
