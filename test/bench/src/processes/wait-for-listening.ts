import type { ChildProcess } from 'node:child_process';

/**
 * Resolves with the port a child reports over IPC as `{ type: 'listening', port }`; rejects if it
 * exits first or stays silent for `timeoutMs`.
 */
export function waitForListening(
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (message: unknown) => {
      if (typeof message !== 'object' || message === null) return;
      const { type, port } = message as { type?: unknown; port?: unknown };
      if (type !== 'listening' || typeof port !== 'number') return;
      cleanup();
      resolve(port);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      cleanup();
      reject(new Error(`exited (${signal ?? code}) before listening:\n${output()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`did not listen within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
