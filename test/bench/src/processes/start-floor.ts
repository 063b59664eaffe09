import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT } from '../bench-paths.js';
import { captureOutput } from './capture-output.js';
import type { ChildReaper } from './create-child-reaper.js';
import { GC_PROBE_PRELOAD } from './create-gc-probe.js';
import type { StartedProcess } from './started-process.js';
import { waitForListening } from './wait-for-listening.js';

const ENTRY = fileURLToPath(new URL('../floor/run-floor-proxy.ts', import.meta.url));

/**
 * Starts the floor proxy (fastify + an undici Pool, nothing else) in front of the upstream, with
 * the gc probe preloaded as in Switchyard's processes; `startedAt` is taken just before spawning.
 */
export async function startFloor(options: {
  upstreamOrigin: string;
  reaper: ChildReaper;
}): Promise<StartedProcess & { readonly listeningMs: number }> {
  const startedAt = performance.now();
  const child = options.reaper.track(
    spawn(process.execPath, ['--import', GC_PROBE_PRELOAD, '--import', 'tsx', ENTRY], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', BENCH_FLOOR_UPSTREAM: options.upstreamOrigin },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  const output = captureOutput(child);
  const port = await waitForListening(child, 30_000, output);
  return {
    origin: `http://127.0.0.1:${port}`,
    process: child,
    output,
    listeningMs: performance.now() - startedAt,
  };
}
