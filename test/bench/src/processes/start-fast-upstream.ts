import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../bench-paths.js';
import { captureOutput } from './capture-output.js';
import type { ChildReaper } from './create-child-reaper.js';
import type { StartedProcess } from './started-process.js';
import { waitForListening } from './wait-for-listening.js';

const ENTRY = fileURLToPath(new URL('../upstream/run-fast-upstream.ts', import.meta.url));

/** Starts the fast upstream in a process of its own so its CPU is not the load generator's. */
export async function startFastUpstream(options: {
  chunks: number;
  reaper: ChildReaper;
}): Promise<StartedProcess> {
  const child = options.reaper.track(
    spawn(process.execPath, ['--import', 'tsx', ENTRY], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', BENCH_UPSTREAM_CHUNKS: String(options.chunks) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  const output = captureOutput(child);
  const port = await waitForListening(child, 20_000, output);
  return { origin: `http://127.0.0.1:${port}`, process: child, output };
}
