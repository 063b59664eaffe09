import {
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
} from 'kysely';
import { PgliteDriver } from './pglite-driver.js';
import type { SharedPglite } from './shared-pglite.js';

/** kysely's Postgres dialect over an in-process PGlite (Postgres compiled to WebAssembly). */
export class PgliteDialect implements Dialect {
  readonly #shared: SharedPglite;

  constructor(shared: SharedPglite) {
    this.#shared = shared;
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PgliteDriver(this.#shared);
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}
