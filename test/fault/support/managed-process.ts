import { type ChildProcess, spawn } from 'node:child_process';

/** What to run, and how to know it is ready. */
export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  /** Run as this user and group (Postgres refuses to run as root). */
  uid?: number;
  gid?: number;
  /** The signal `stop` sends first: Postgres shuts down fast on SIGINT, waits for clients on SIGTERM. */
  stopSignal?: NodeJS.Signals;
  /** Resolves once the process serves; rejects (or times out) if it never does. */
  ready(handle: ManagedProcess): Promise<void>;
}

/** A child process the fault harness can stop, kill -9 and start again with the same options. */
export interface ManagedProcess {
  readonly name: string;
  /** Everything the current run wrote to stdout and stderr. */
  output(): string;
  /** Whether a run is alive. */
  running(): boolean;
  /** Spawns a new run (after the previous one exited) and waits until it is ready. */
  start(): Promise<void>;
  /** SIGTERM (or `stopSignal`), then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
  /** `kill -9`: no goodbye, resolves when the process has exited. */
  kill(): Promise<void>;
}

// Every child alive in this worker: killed when the worker exits, whatever happened to the test.
const alive = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of alive) child.kill('SIGKILL');
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Creates the handle and starts the first run. */
export async function startManagedProcess(options: ManagedProcessOptions): Promise<ManagedProcess> {
  let child: ChildProcess | undefined;
  let output = '';
  const handle: ManagedProcess = {
    name: options.name,
    output: () => output,
    running: () => child !== undefined && child.exitCode === null && child.signalCode === null,
    async start() {
      if (handle.running()) throw new Error(`${options.name} is already running`);
      output = '';
      const current = spawn(options.command, options.args, {
        cwd: options.cwd,
        env: options.env,
        ...(options.uid !== undefined && { uid: options.uid }),
        ...(options.gid !== undefined && { gid: options.gid }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = current;
      alive.add(current);
      current.once('exit', () => alive.delete(current));
      const collect = (chunk: Buffer) => {
        // Keep the tail only: a gateway under load logs a line per request.
        output = (output + chunk.toString()).slice(-200_000);
      };
      current.stdout?.on('data', collect);
      current.stderr?.on('data', collect);
      const died = exited(current).then(() => {
        throw new Error(`${options.name} exited during start-up:\n${output.slice(-4_000)}`);
      });
      try {
        await Promise.race([options.ready(handle), died]);
      } catch (error: unknown) {
        current.kill('SIGKILL');
        await exited(current);
        throw error;
      } finally {
        died.catch(() => undefined);
      }
    },
    async stop(graceMs = 10_000) {
      const current = child;
      if (current === undefined || !handle.running()) return;
      current.kill(options.stopSignal ?? 'SIGTERM');
      const timer = setTimeout(() => current.kill('SIGKILL'), graceMs);
      await exited(current);
      clearTimeout(timer);
    },
    async kill() {
      const current = child;
      if (current === undefined || !handle.running()) return;
      current.kill('SIGKILL');
      await exited(current);
    },
  };
  await handle.start();
  return handle;
}
