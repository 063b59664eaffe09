import { findBinary } from './find-binary.js';
import { freePort } from './free-port.js';
import { type ManagedProcess, startManagedProcess } from './managed-process.js';
import { waitForPort } from './wait-for-port.js';

/** A private Redis on loopback: nothing persisted, so a restart loses every key. */
export interface RedisProcess extends ManagedProcess {
  readonly url: string;
}

/** Starts `redis-server` on a free loopback port with persistence off. */
export async function startRedisProcess(directory: string): Promise<RedisProcess> {
  const binary = findBinary('redis-server', 'apt-get install redis-server');
  const port = await freePort();
  const handle = await startManagedProcess({
    name: 'redis',
    command: binary,
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    env: { PATH: process.env.PATH ?? '' },
    cwd: directory,
    ready: () => waitForPort(port, 'redis-server'),
  });
  return Object.assign(handle, { url: `redis://127.0.0.1:${port}` });
}
