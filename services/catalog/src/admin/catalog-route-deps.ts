import type { EncryptionKeyring } from '@switchyard/config';
import type { Tables } from '@switchyard/db';
import type { AdminRouter, AuthenticateAdmin } from '@switchyard/service-kit';
import type { Kysely } from 'kysely';
import type { PublishedCatalog } from '../sync/publish/publish-catalog.js';

/** What the catalog admin routes need. */
export interface CatalogRouteDeps {
  db: Kysely<Tables>;
  /** Who is calling (service-kit's admin authenticator over accounting's keys). */
  authenticate: AuthenticateAdmin;
  keyring: EncryptionKeyring;
  /** Names of the configuration's providers: an admin cannot add one of these (409). */
  configProviders: readonly string[];
  /** Rebuilds and publishes the snapshot after an admin change, so gateways see it in seconds. */
  publish: () => Promise<PublishedCatalog>;
  /** Queues a sync run and answers its id (BullMQ, or in-process in standalone mode). */
  enqueueSync: (trigger: string) => Promise<string>;
}

/** The route deps with the router the routes are registered on. */
export type CatalogRoutes = Omit<CatalogRouteDeps, 'authenticate'> & { router: AdminRouter };
