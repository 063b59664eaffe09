import type { Tables } from '@switchyard/db';
import type { AdminRouter } from '@switchyard/service-kit';
import type { Kysely } from 'kysely';
import type { OnAccountingChange } from './accounting-change.js';

/** What the admin routes need: where to register, the database, the pepper, whom to tell of changes. */
export interface AdminRouteDeps {
  router: AdminRouter;
  db: Kysely<Tables>;
  pepper: string;
  onChange: OnAccountingChange;
}
