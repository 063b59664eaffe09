import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE_NAME = 'master-key';

/**
 * The master key for standalone mode: the configured one, else the one kept in the data
 * directory, else a new one written there (mode 0600) so it survives restarts.
 */
export function resolveMasterKey(
  configured: string | undefined,
  dataDir: string,
): { key: string; source: 'configured' | 'stored' | 'generated'; file: string } {
  const file = join(dataDir, FILE_NAME);
  if (configured !== undefined) return { key: configured, source: 'configured', file };
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored !== '') return { key: stored, source: 'stored', file };
  }
  const key = `sk-sy-${randomBytes(32).toString('base64url')}`;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { key, source: 'generated', file };
}
