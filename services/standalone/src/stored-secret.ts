import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A server secret for standalone mode (the key pepper, the credential encryption key): the
 * configured value, else the one kept in the data directory, else 32 random bytes written
 * there (mode 0600). Losing the file loses what it protects, so it is never regenerated.
 */
export function resolveStoredSecret(
  name: string,
  configured: string | undefined,
  dataDir: string,
): string {
  if (configured !== undefined && configured !== '') return configured;
  const file = join(dataDir, name);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    if (stored !== '') return stored;
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
