import { findBinary } from './find-binary.js';
import { freePort } from './free-port.js';
import { type ManagedProcess, startManagedProcess } from './managed-process.js';
import { waitForPort } from './wait-for-port.js';

/** A private NATS with JetStream on loopback; its store survives a stop and start. */
export interface NatsProcess extends ManagedProcess {
  readonly url: string;
}

/** Starts `nats-server -js` on a free loopback port, storing JetStream under `directory`. */
export async function startNatsProcess(directory: string): Promise<NatsProcess> {
  const binary = findBinary('nats-server', 'apt-get install nats-server');
  const port = await freePort();
  const handle = await startManagedProcess({
    name: 'nats',
    command: binary,
    args: ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', directory],
    env: { PATH: process.env.PATH ?? '' },
    cwd: directory,
    ready: () => waitForPort(port, 'nats-server'),
  });
  return Object.assign(handle, { url: `nats://127.0.0.1:${port}` });
}
