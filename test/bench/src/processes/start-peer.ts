import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../bench-paths.js';
import { captureOutput } from './capture-output.js';
import type { ChildReaper } from './create-child-reaper.js';
import type { StartedProcess } from './started-process.js';
import { waitForListening } from './wait-for-listening.js';

const PRELOAD = new URL('./peer-preload.mjs', import.meta.url).href;

/**
 * Starts the peer gateway's Node server (`--headless`: no UI routes, as in production) on an
 * ephemeral 127.0.0.1 port, with only PATH and HOME from the caller's environment.
 */
export async function startPeer(options: {
  entry: string;
  reaper: ChildReaper;
}): Promise<StartedProcess> {
  const child = options.reaper.track(
    spawn(process.execPath, ['--import', PRELOAD, options.entry, '--port=0', '--headless'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? REPO_ROOT,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    }),
  );
  const output = captureOutput(child);
  const port = await waitForListening(child, 30_000, output);
  return { origin: `http://127.0.0.1:${port}`, process: child, output };
}
