import { Worker } from 'node:worker_threads';
import type { PgliteReply, PgliteRequest, PgliteResult } from './pglite-protocol.js';

/** PGlite in a worker thread, as the kysely driver uses it. */
export interface PgliteSession {
  /** Several statements, simple protocol: one result each. */
  exec(sql: string): Promise<PgliteResult[]>;
  /** One statement with parameters, extended protocol. */
  query(sql: string, parameters: unknown[]): Promise<PgliteResult>;
  /** Settles once PGlite has started (rejects with why it could not). */
  readonly ready: Promise<void>;
  /**
   * Closes PGlite cleanly, or stops the thread where it stands when that takes longer than
   * `timeoutMs` (a start still initialising the cluster: nothing can be saved then).
   */
  close(timeoutMs: number): Promise<void>;
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Pending = { resolve: (results: PgliteResult[]) => void; reject: (error: Error) => void };

/**
 * Starts PGlite (`dataDir`, or in memory) in its own thread: its WebAssembly runs synchronously
 * (seconds while a cluster starts), which on the main thread would stall every request. The
 * thread keeps the process alive only while a statement is in flight.
 */
export function startPgliteWorker(dataDir: string | undefined): PgliteSession {
  // Nothing of this process's flags: the thread runs PGlite and nothing else.
  const options = { workerData: dataDir, execArgv: [] };
  // Compiled (`pnpm build`), the worker is its own bundle beside this code's.
  const worker = import.meta.url.endsWith('.ts')
    ? new Worker(bootstrap(new URL('./pglite-worker.ts', import.meta.url)), {
        ...options,
        eval: true,
      })
    : new Worker(new URL('./pglite-worker.js', import.meta.url), options);
  worker.unref();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let ended: Error | undefined;
  const endAll = (error: Error) => {
    ended ??= error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  worker.on('message', (reply: PgliteReply) => {
    const waiter = pending.get(reply.id);
    if (waiter === undefined) return;
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (reply.error === undefined) waiter.resolve(reply.results);
    else waiter.reject(Object.assign(new Error(reply.error.message), reply.error.fields));
  });
  worker.on('error', (error) => endAll(error));
  worker.on('exit', (code) => endAll(new Error(`the PGlite thread exited (${code})`)));
  const send = (request: WithoutId<PgliteRequest>): Promise<PgliteResult[]> => {
    if (ended !== undefined) return Promise.reject(ended);
    const id = nextId++;
    if (pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  };
  const ready = send({ kind: 'ready' }).then(() => undefined);
  // A failed start is reported by the first statement that waits for it.
  ready.catch(() => undefined);
  let closing: Promise<void> | undefined;
  return {
    exec: (sql) => send({ kind: 'exec', sql }),
    query: async (sql, parameters) => {
      const [result] = await send({ kind: 'query', sql, parameters });
      return result ?? { rows: [] };
    },
    ready,
    close: (timeoutMs) => {
      closing ??= (async () => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        });
        await Promise.race([send({ kind: 'close' }).catch(() => undefined), late]);
        clearTimeout(timer);
        await worker.terminate();
      })();
      return closing;
    },
  };
}

/**
 * From the sources, the worker runs the TypeScript through tsx, as the process does; a worker thread does
 * not inherit the process's module hooks on Node 20, so it registers them before importing it.
 */
function bootstrap(entry: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)})
  .then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })
  .catch((error) => { setImmediate(() => { throw error; }); });`;
}
