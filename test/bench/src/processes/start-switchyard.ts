import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../bench-paths.js';
import { captureOutput } from './capture-output.js';
import type { ChildReaper } from './create-child-reaper.js';
import { serviceCommand } from './service-command.js';
import type { StartedProcess } from './started-process.js';

const BASE_URL_LINE = /Base URL:\s+http:\/\/127\.0\.0\.1:(\d+)\/v1/;

/**
 * Starts `pnpm start`'s entry point (the standalone gateway) on an ephemeral 127.0.0.1 port with
 * the given YAML, a throw-away data directory, and only the variables below: nothing from the
 * caller's environment (an OPENAI_API_KEY there would add models) reaches it. `nodeFlags` go
 * first; an IPC channel is open for the gc probe. `bannerAt`: `performance.now()` when the
 * banner arrived, the moment a newcomer would start using it.
 */
export async function startSwitchyard(options: {
  yaml: string;
  masterKey: string;
  logLevel: string;
  nodeFlags: readonly string[];
  reaper: ChildReaper;
}): Promise<StartedProcess & { readonly bannerAt: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchyard-bench-'));
  const configFile = join(dataDir, 'switchyard.yaml');
  writeFileSync(configFile, options.yaml);
  const child = options.reaper.track(
    spawn(process.execPath, serviceCommand('standalone', options.nodeFlags), {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: options.logLevel,
        SWITCHYARD_MASTER_KEY: options.masterKey,
        SWITCHYARD_DATA_DIR: dataDir,
        SWITCHYARD_CONFIG: configFile,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const output = captureOutput(child);
  const port = await waitForBanner(child, output, 30_000);
  return {
    origin: `http://127.0.0.1:${port}`,
    process: child,
    output,
    bannerAt: performance.now(),
  };
}

function waitForBanner(
  child: StartedProcess['process'],
  output: () => string,
  timeoutMs: number,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', onExit);
    };
    const check = () => {
      const port = BASE_URL_LINE.exec(output())?.[1];
      if (port === undefined) return;
      cleanup();
      resolve(Number(port));
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`switchyard exited (${code}) before its banner:\n${output()}`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`switchyard printed no banner within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    child.stdout?.on('data', check);
    child.once('exit', onExit);
  });
}
