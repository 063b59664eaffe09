import { readFileSync } from 'node:fs';

/** Read and write system calls a process made since it started, from Linux's /proc. */
export interface ProcessIo {
  /** `read`/`readv` calls (libuv reads sockets with them; `recv*` is not counted). */
  readonly readCalls: number;
  /** `write`/`writev` calls: on a small VM each costs far more CPU than its bytes. */
  readonly writeCalls: number;
}

/** Parses the text of `/proc/<pid>/io`; undefined when a count is missing. */
export function parseProcessIo(text: string): ProcessIo | undefined {
  const count = (name: string) => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1]);
  const readCalls = count('syscr');
  const writeCalls = count('syscw');
  if (!Number.isFinite(readCalls) || !Number.isFinite(writeCalls)) return undefined;
  return { readCalls, writeCalls };
}

/** A process's system-call counts; undefined where /proc is missing or the process is gone. */
export function readProcessIo(pid: number): ProcessIo | undefined {
  try {
    return parseProcessIo(readFileSync(`/proc/${pid}/io`, 'utf8'));
  } catch {
    return undefined;
  }
}
