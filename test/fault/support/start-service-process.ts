import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';
import { type ManagedProcess, startManagedProcess } from './managed-process.js';
import { waitForPort } from './wait-for-port.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** One Switchyard service as its own process, on a port it keeps across restarts. */
export interface ServiceProcess extends ManagedProcess {
  /** e.g. http://127.0.0.1:PORT */
  readonly origin: string;
}

/**
 * Starts `services/<name>/src/main.ts` the way test/e2e does, but on a fixed free port so the
 * load generator's target survives a kill -9 and restart.
 */
export async function startServiceProcess(
  name: 'gateway' | 'accounting',
  env: Record<string, string>,
  label: string = name,
): Promise<ServiceProcess> {
  const port = await freePort();
  const handle = await startManagedProcess({
    name: label,
    command: process.execPath,
    args: ['--import', 'tsx', `services/${name}/src/main.ts`],
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    // tsx compiles the service on a loaded 2-core machine: allow it time.
    ready: () => waitForPort(port, label, 60_000),
  });
  return Object.assign(handle, { origin: `http://127.0.0.1:${port}` });
}
