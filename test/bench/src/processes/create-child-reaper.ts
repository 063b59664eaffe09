import type { ChildProcess } from 'node:child_process';

/** Keeps every child the bench starts, so that all of them stop however the bench ends. */
export interface ChildReaper {
  track(child: ChildProcess): ChildProcess;
  /** SIGTERM to every child still running, SIGKILL to those that outlive `graceMs`. */
  stopAll(graceMs?: number): Promise<void>;
  /** Last resort from a synchronous `exit` handler: SIGKILL to every child still running. */
  killAllNow(): void;
}

/** Creates the registry of the bench's child processes. */
export function createChildReaper(): ChildReaper {
  const children = new Set<ChildProcess>();
  const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;
  return {
    track(child) {
      children.add(child);
      child.once('exit', () => children.delete(child));
      return child;
    },
    async stopAll(graceMs = 3000) {
      await Promise.all([...children].map((child) => stopChild(child, graceMs, isRunning)));
    },
    killAllNow() {
      for (const child of children) if (isRunning(child)) child.kill('SIGKILL');
    },
  };
}

async function stopChild(
  child: ChildProcess,
  graceMs: number,
  isRunning: (child: ChildProcess) => boolean,
): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    if (isRunning(child)) child.kill('SIGKILL');
  }, graceMs);
  await exited;
  clearTimeout(timer);
}
