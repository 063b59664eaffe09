import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';
import type { PgliteResult } from './pglite-protocol.js';
import type { PgliteSession } from './start-pglite-worker.js';

const commandsWithAffectedRows = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** kysely's view of the single PGlite session. */
export class PgliteConnection implements DatabaseConnection {
  readonly #pglite: PgliteSession;

  constructor(pglite: PgliteSession) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const parameters = [...compiledQuery.parameters];
    // Without parameters use the simple protocol, as `pg` does, so raw SQL with several
    // statements runs the same on both drivers; the last statement's result is returned.
    const result: PgliteResult | undefined =
      parameters.length === 0
        ? (await this.#pglite.exec(compiledQuery.sql)).at(-1)
        : await this.#pglite.query(compiledQuery.sql, parameters);
    if (result === undefined) {
      return { rows: [] };
    }
    const rows = result.rows as R[];
    if (result.command !== undefined && commandsWithAffectedRows.has(result.command)) {
      return { rows, numAffectedRows: BigInt(result.rowCount ?? result.affectedRows ?? 0) };
    }
    return { rows };
  }

  /** PGlite has no cursor over the wire: the whole result is read, then yielded in chunks. */
  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize = 100,
  ): AsyncIterableIterator<QueryResult<R>> {
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let start = 0; start < rows.length; start += chunkSize) {
      yield { rows: rows.slice(start, start + chunkSize) };
    }
  }
}
