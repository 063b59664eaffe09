import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../bench-paths.js';
import { captureOutput } from './capture-output.js';
import type { ChildReaper } from './create-child-reaper.js';
import { findFreePort } from './find-free-port.js';
import { serviceCommand } from './service-command.js';
import type { StartedProcess } from './started-process.js';
import { waitForReady } from './wait-for-ready.js';

/**
 * Starts the distributed gateway on a free 127.0.0.1 port with the given YAML, accounting's
 * database, Redis, NATS (usage published into `natsNamespace`) and only the variables below,
 * after `nodeFlags`, with an IPC channel for the gc probe. Rate limits fail closed: were Redis
 * to go away mid-run, requests would fail visibly (503) instead of being let through unchecked
 * and measured as if admitted. `readyMs`: spawn → the first 200 from `/readyz` (cold start).
 */
export async function startLimitedGateway(options: {
  yaml: string;
  masterKey: string;
  databaseUrl: string;
  redisUrl: string;
  natsUrl: string;
  natsNamespace: string;
  pepper: string;
  logLevel: string;
  nodeFlags: readonly string[];
  reaper: ChildReaper;
  /** The checkout whose build runs; this one by default (`pnpm bench:ab` runs a base build too). */
  root?: string;
}): Promise<StartedProcess & { readonly readyMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-limited-'));
  const configFile = join(dataDir, 'switchyard.yaml');
  writeFileSync(configFile, options.yaml);
  // The gateway logs where it listens only at info; the bench's log level is warn by default,
  // so the port is chosen here and readiness polled.
  const port = await findFreePort();
  const startedAt = performance.now();
  const child = options.reaper.track(
    spawn(process.execPath, serviceCommand('gateway', options.nodeFlags), {
      cwd: options.root ?? REPO_ROOT,
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
        NATS_URL: options.natsUrl,
        SWITCHYARD_NATS_NAMESPACE: options.natsNamespace,
        SWITCHYARD_KEY_PEPPER: options.pepper,
        SWITCHYARD_RATE_LIMIT_FAIL_MODE: 'closed',
        // The production default unless the bench is run with another (0: an admit call each).
        SWITCHYARD_LIMIT_ALLOWANCE_SHARE: process.env.SWITCHYARD_LIMIT_ALLOWANCE_SHARE ?? '0.01',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const output = captureOutput(child);
  const origin = `http://127.0.0.1:${port}`;
  // Generous: on a loaded machine a cold start under tsx has taken 20 s (it is measured, not assumed).
  await waitForReady(child, origin, 120_000, output);
  return { origin, process: child, output, readyMs: performance.now() - startedAt };
}
