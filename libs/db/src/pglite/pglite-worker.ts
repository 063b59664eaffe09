import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';
import type { PgliteReply, PgliteRequest } from './pglite-protocol.js';
import { PGLITE_POSTGRESQL_CONF } from './pglite-settings.js';
import { lowerThisThread, pgliteNice } from './run-pglite-gently.js';

// PGlite's WebAssembly runs synchronously for seconds while it starts (and for the length of
// each query): in this thread it never blocks the gateway's event loop.
const port = parentPort;
if (port === null) throw new Error('pglite-worker.ts runs as a worker thread');
const dataDir: unknown = workerData;
lowerThisThread(pgliteNice());
const pglite = new PGlite({
  ...(typeof dataDir === 'string' ? { dataDir } : {}),
  postgresqlconf: [...PGLITE_POSTGRESQL_CONF],
  // `pg` reads int8 as a string (it may not fit a number); PGlite is told to do the same so
  // code behaves alike on both. numeric is a string on both already.
  parsers: { [types.INT8]: (value: string) => value },
});

/** The error's own fields (`code`, `constraint`…), which a structured clone would drop. */
function toErrorReply(id: number, error: unknown): PgliteReply {
  if (!(error instanceof Error)) return { id, error: { message: String(error), fields: {} } };
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(error)) {
    if (typeof value === 'string') fields[name] = value;
  }
  return { id, error: { message: error.message, fields } };
}

async function handle(request: PgliteRequest): Promise<PgliteReply> {
  try {
    await pglite.waitReady;
    if (request.kind === 'ready') return { id: request.id, results: [] };
    if (request.kind === 'close') {
      await pglite.close();
      return { id: request.id, results: [] };
    }
    const results =
      request.kind === 'exec'
        ? await pglite.exec(request.sql)
        : [await pglite.query<unknown>(request.sql, request.parameters)];
    return {
      id: request.id,
      results: results.map((result) => ({
        rows: result.rows,
        command: result.command,
        rowCount: result.rowCount,
        affectedRows: result.affectedRows,
      })),
    };
  } catch (error: unknown) {
    return toErrorReply(request.id, error);
  }
}

port.on('message', (request: PgliteRequest) => {
  void handle(request).then((reply) => port.postMessage(reply));
});
