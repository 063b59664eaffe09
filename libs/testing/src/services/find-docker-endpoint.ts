import { homedir } from 'node:os';
import { join } from 'node:path';
import { checkTcpReachable, type TcpTarget } from './check-tcp-reachable.js';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Finds a Docker engine that answers: `DOCKER_HOST` when set (`unix://` or `tcp://` is probed;
 * other schemes are trusted to testcontainers), else the usual socket paths. Returns the
 * endpoint that answered, or undefined.
 */
export async function findDockerEndpoint(
  environment: Environment,
  timeoutMs = 500,
): Promise<string | undefined> {
  const dockerHost = environment.DOCKER_HOST?.trim();
  const candidates = dockerHost
    ? [dockerHost]
    : defaultSockets(environment).map((path) => `unix://${path}`);
  for (const candidate of candidates) {
    const target = dockerTarget(candidate);
    if (target === 'unprobed') return candidate;
    if (target !== undefined && (await checkTcpReachable(target, timeoutMs)).ok) return candidate;
  }
  return undefined;
}

function defaultSockets(environment: Environment): string[] {
  const home = environment.HOME ?? homedir();
  const sockets = [
    '/var/run/docker.sock',
    join(home, '.docker', 'run', 'docker.sock'),
    join(home, '.docker', 'desktop', 'docker.sock'),
  ];
  if (environment.XDG_RUNTIME_DIR) sockets.push(join(environment.XDG_RUNTIME_DIR, 'docker.sock'));
  return sockets;
}

function dockerTarget(endpoint: string): TcpTarget | 'unprobed' | undefined {
  if (endpoint.startsWith('unix://')) return { path: endpoint.slice('unix://'.length) };
  if (!endpoint.startsWith('tcp://')) return endpoint.includes('://') ? 'unprobed' : undefined;
  try {
    const url = new URL(endpoint);
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 2375) };
  } catch {
    return undefined;
  }
}
