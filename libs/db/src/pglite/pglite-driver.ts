import {
  CompiledQuery,
  createQueryId,
  type DatabaseConnection,
  type Driver,
  IdentifierNode,
  type QueryCompiler,
  RawNode,
  type TransactionSettings,
} from 'kysely';
import { PgliteConnection } from './pglite-connection.js';
import type { SharedPglite } from './shared-pglite.js';

/**
 * One connection over one PGlite session, handed out under a lock so a transaction never
 * interleaves with another caller's queries. The PGlite instance is closed by its owner.
 */
export class PgliteDriver implements Driver {
  readonly #shared: SharedPglite;
  readonly #connection: PgliteConnection;

  constructor(shared: SharedPglite) {
    this.#shared = shared;
    this.#connection = new PgliteConnection(shared.pglite);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#shared.mutex.lock();
    return this.#connection;
  }

  async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    let statement = 'start transaction';
    if (settings.isolationLevel !== undefined) {
      statement += ` isolation level ${settings.isolationLevel}`;
    }
    if (settings.accessMode !== undefined) {
      statement += ` ${settings.accessMode}`;
    }
    await connection.executeQuery(CompiledQuery.raw(statement));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(
      compileQuery(savepointCommand('savepoint', savepointName), createQueryId()),
    );
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(
      compileQuery(savepointCommand('rollback to', savepointName), createQueryId()),
    );
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(
      compileQuery(savepointCommand('release', savepointName), createQueryId()),
    );
  }

  async releaseConnection(): Promise<void> {
    this.#shared.mutex.unlock();
  }

  async destroy(): Promise<void> {}
}

/** `savepoint "name"` with the name quoted by the compiler, as kysely's own drivers do. */
function savepointCommand(command: string, savepointName: string): RawNode {
  return RawNode.createWithChildren([
    RawNode.createWithSql(`${command} `),
    IdentifierNode.create(savepointName),
  ]);
}
