import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Claims `directory` for this process with a `lock` file holding its pid, so two gateways
 * pointed at one directory fail at start instead of replaying each other's events. A lock left
 * by a process that is gone (a crash) is taken over. Returns the release.
 */
export function lockSpoolDirectory(directory: string): () => void {
  const path = join(directory, 'lock');
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch (error: unknown) {
    if (!isErrorCode(error, 'EEXIST')) throw error;
    const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
    // The same pid is a container restarted in place (pid 1 again): the lock is ours.
    if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
      throw new Error(`spool directory ${directory} is in use by process ${owner}`);
    }
    writeFileSync(path, String(process.pid));
  }
  return () => rmSync(path, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return isErrorCode(error, 'EPERM');
  }
}

/** True for a Node system error with this `code`. */
export function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}
