import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Claims `<dataDir>.lock` for this process, so a second process (another standalone, the
 * migrate CLI) cannot open the same PGlite directory: PGlite itself does not stop it, and two
 * writers corrupt the data. A lock whose process is gone is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code !== 'EEXIST') {
      throw error;
    }
    const holder = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    if (isOtherLiveProcess(holder)) {
      throw new Error(
        `PGlite data directory ${dataDir} is in use by process ${holder} (${lockPath}); stop that process first, or delete the lock file if it is gone`,
      );
    }
    writeFileSync(lockPath, `${process.pid}\n`);
  }
  return () => rmSync(lockPath, { force: true });
}

function isOtherLiveProcess(pid: number): boolean {
  // Our own pid in the file is a lock left by an earlier run (a container's pid 1, say).
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) {
    return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error: unknown) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}
