import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../bench-paths.js';
import { captureOutput } from './capture-output.js';
import type { ChildReaper } from './create-child-reaper.js';
import { findFreePort } from './find-free-port.js';
import type { StartedProcess } from './started-process.js';
import { waitForReady } from './wait-for-ready.js';

/**
 * Starts the distributed gateway (`services/gateway/src/main.ts`) on a free 127.0.0.1 port with
 * the given YAML, accounting's database and Redis, and only the variables below. Rate limits
 * fail closed: were Redis to go away mid-run, requests would fail visibly (503) instead of
 * being let through unchecked and measured as if admitted.
 */
export async function startLimitedGateway(options: {
  yaml: string;
  masterKey: string;
  databaseUrl: string;
  redisUrl: string;
  pepper: string;
  logLevel: string;
  reaper: ChildReaper;
}): Promise<StartedProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-limited-'));
  const configFile = join(dataDir, 'switchyard.yaml');
  writeFileSync(configFile, options.yaml);
  // The gateway logs where it listens only at info; the bench's log level is warn by default,
  // so the port is chosen here and readiness polled.
  const port = await findFreePort();
  const child = options.reaper.track(
    spawn(process.execPath, ['--import', 'tsx', 'services/gateway/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: options.logLevel,
        SWITCHYARD_MASTER_KEY: options.masterKey,
        SWITCHYARD_DATA_DIR: dataDir,
        SWITCHYARD_CONFIG: configFile,
        DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        SWITCHYARD_KEY_PEPPER: options.pepper,
        SWITCHYARD_RATE_LIMIT_FAIL_MODE: 'closed',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const output = captureOutput(child);
  const origin = `http://127.0.0.1:${port}`;
  await waitForReady(child, origin, 30_000, output);
  return { origin, process: child, output };
}
