import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryArguments } from './start-service.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BASE_URL_LINE = /Base URL:\s+(\S+)/;
const MASTER_KEY_LINE = /Master key:\s+(sk-sy-\S+)/;

export interface Standalone {
  /** e.g. http://127.0.0.1:PORT/v1 */
  baseUrl: string;
  /** The origin without /v1, for /livez, /metrics… */
  origin: string;
  /** The master key printed in the banner (when generated or stored), else undefined. */
  printedKey: string | undefined;
  process: ChildProcess;
  /** Where it keeps its data (pass it to the next start to restart it). */
  dataDir: string;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the standalone (its TypeScript through tsx, its compiled bundle, or as `pnpm start` does)
 * as a real process on a free port, with the given environment and optional YAML config, and
 * waits for its startup banner.
 */
export async function startStandalone(options: {
  env?: Record<string, string>;
  yaml?: string;
  timeoutMs?: number;
  /** Another run's data directory (a restart); default a fresh one. */
  dataDir?: string;
  /** Wait until the embedded database is ready (`/readyz`); default true. */
  waitForDatabase?: boolean;
  /** Run the compiled bundle of `pnpm build` instead of the TypeScript sources. */
  compiled?: boolean;
  /** Start as `pnpm start` does: its script, which builds the bundle when stale and runs it. */
  startScript?: boolean;
}): Promise<Standalone> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'switchyard-e2e-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SWITCHYARD_DATA_DIR: dataDir,
    // No catalog sync calling the fakes' model lists while tests count their requests.
    SWITCHYARD_CATALOG_SYNC: 'off',
    ...options.env,
  };
  if (options.yaml !== undefined) {
    const file = join(dataDir, 'switchyard.yaml');
    writeFileSync(file, options.yaml);
    env.SWITCHYARD_CONFIG = file;
  }
  const entry = options.startScript
    ? ['scripts/start/start.mjs']
    : entryArguments('services/standalone', options);
  const child = spawn(process.execPath, entry, {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const baseUrl = await waitForBanner(() => output, exited, options.timeoutMs ?? 20_000);
  // The embedded database initialises and migrates in the first seconds; most tests start once
  // it is done, so team keys and the admin API answer at once.
  if (options.waitForDatabase !== false) {
    await waitForReady(baseUrl.replace(/\/v1$/, ''), () => output);
  }
  return {
    baseUrl,
    origin: baseUrl.replace(/\/v1$/, ''),
    printedKey: MASTER_KEY_LINE.exec(output)?.[1],
    process: child,
    dataDir,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs the standalone entry point expecting it to fail; resolves with its exit code and output. */
export async function runStandaloneExpectingFailure(options: {
  env?: Record<string, string>;
  yaml?: string;
}): Promise<{ code: number | null; output: string }> {
  const standalone = startStandalone({ ...options, timeoutMs: 20_000 });
  return standalone.then(
    async (started) => {
      await started.stop();
      throw new Error(`expected the start to fail, but it started:\n${started.output()}`);
    },
    (error: unknown) => {
      if (error instanceof StartFailure) return { code: error.code, output: error.output };
      throw error;
    },
  );
}

class StartFailure extends Error {
  constructor(
    readonly code: number | null,
    readonly output: string,
  ) {
    super(`standalone exited with ${code} before starting:\n${output}`);
  }
}

async function waitForBanner(
  output: () => string,
  exited: Promise<number | null>,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    const match = BASE_URL_LINE.exec(output());
    if (match?.[1]) return match[1];
    if (exitCode !== undefined) throw new StartFailure(exitCode, output());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`standalone did not print its banner within ${timeoutMs} ms:\n${output()}`);
}

async function waitForReady(origin: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const status = await fetch(`${origin}/readyz`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`standalone never became ready:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
