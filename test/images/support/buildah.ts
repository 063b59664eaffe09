import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * Runs one buildah command and returns its standard output, trimmed. The storage (vfs, and where
 * it lives) comes from CONTAINERS_STORAGE_CONF, which test/images/run.sh sets.
 */
export async function buildah(commandArguments: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync('buildah', [...commandArguments], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}
