import { Worker } from 'node:worker_threads';
import { initialisePgliteCluster } from './initialise-pglite-cluster.js';
import type { PgliteReply, PgliteRequest, PgliteResult } from './pglite-protocol.js';
import { compileWasmBaselineOnly } from './run-pglite-gently.js';

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
 * thread keeps the process alive only while a statement is in flight (a cluster being created
 * keeps it alive until it is there, or closed).
 */
export function startPgliteWorker(dataDir: string | undefined): PgliteSession {
  // Now, on the main thread: before the thread compiles PGlite, and before a server listens.
  compileWasmBaselineOnly();
  // A new cluster is created first, by a child process (see initialisePgliteCluster); the
  // thread starts once it is there, and statements wait for it.
  const creation = dataDir === undefined ? undefined : initialisePgliteCluster(dataDir);
  const pending = new Map<number, Pending>();
  const queued: PgliteRequest[] = [];
  let worker: Worker | undefined;
  let nextId = 0;
  let ended: Error | undefined;
  const endAll = (error: Error) => {
    ended ??= error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  };
  const startThread = (): void => {
    if (ended !== undefined) return;
    const thread = createThread(dataDir);
    worker = thread;
    thread.on('message', (reply: PgliteReply) => {
      const waiter = pending.get(reply.id);
      if (waiter === undefined) return;
      pending.delete(reply.id);
      if (pending.size === 0) thread.unref();
      if (reply.error === undefined) waiter.resolve(reply.results);
      else waiter.reject(Object.assign(new Error(reply.error.message), reply.error.fields));
    });
    thread.on('error', (error) => endAll(error));
    thread.on('exit', (code) => endAll(new Error(`the PGlite thread exited (${code})`)));
    if (pending.size === 0) thread.unref();
    for (const request of queued.splice(0)) thread.postMessage(request);
  };
  if (creation === undefined) startThread();
  else creation.done.then(startThread, (error: Error) => endAll(error));
  const send = (request: WithoutId<PgliteRequest>): Promise<PgliteResult[]> => {
    if (ended !== undefined) return Promise.reject(ended);
    const id = nextId++;
    if (pending.size === 0) worker?.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      const message = { ...request, id } as PgliteRequest;
      if (worker === undefined) queued.push(message);
      else worker.postMessage(message);
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
        if (worker === undefined) {
          // Still creating the cluster: nothing to save, so it stops where it stands.
          endAll(new Error('the PGlite database was closed while it was starting'));
          await creation?.stop();
          return;
        }
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

/** The thread PGlite runs in. */
function createThread(dataDir: string | undefined): Worker {
  // Nothing of this process's flags: the thread runs PGlite and nothing else.
  const options = { workerData: dataDir, execArgv: [] };
  // Compiled (`pnpm build`), the worker is its own bundle beside this code's.
  return import.meta.url.endsWith('.ts')
    ? new Worker(bootstrap(new URL('./pglite-worker.ts', import.meta.url)), {
        ...options,
        eval: true,
      })
    : new Worker(new URL('./pglite-worker.js', import.meta.url), options);
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
