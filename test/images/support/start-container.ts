import { spawn } from 'node:child_process';
import { buildah } from './buildah.js';
import { findContainerProcess } from './find-container-process.js';
import { readImageConfig } from './read-image-config.js';

/** Options of {@link startContainer}. */
export interface ContainerOptions {
  /** The working container's name (unique per run). */
  readonly name: string;
  /** Environment on top of the image's, as `docker run -e`. */
  readonly env: Readonly<Record<string, string>>;
  /** `host-path:container-path[:options]`, as `docker run -v`. */
  readonly volumes?: readonly string[];
}

/** A container started from an image, running on the host's network. */
export interface RunningContainer {
  readonly name: string;
  /** When `buildah run` was spawned (ms since the epoch): the container's start. */
  readonly startedAt: number;
  /** How long `buildah from` took to lay out the container's root filesystem (ms). */
  readonly createMs: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The exit code once the process ended (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /**
   * Sends `signal` (default SIGTERM) to the container's first process and waits for the exit;
   * SIGKILL after `timeoutMs`.
   */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
  /** Stops it if still running and deletes the working container. */
  remove(): Promise<void>;
}

/**
 * Starts `image` as `docker run --network host` would, without a container engine: `buildah
 * from` lays out its root filesystem, `buildah run --isolation chroot --network host` runs its
 * entrypoint and command as its user in its working directory, with `options.env` on top of
 * the image's environment.
 */
export async function startContainer(
  image: string,
  options: ContainerOptions,
): Promise<RunningContainer> {
  const createStart = Date.now();
  const name = await buildah(['from', '--quiet', '--pull=never', '--name', options.name, image]);
  const createMs = Date.now() - createStart;
  const config = await readImageConfig(name, 'container');
  const runArguments = [
    'run',
    '--isolation',
    'chroot',
    '--network',
    'host',
    '--user',
    config.user,
    '--workingdir',
    config.workingDirectory,
    ...Object.entries(options.env).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
    ...(options.volumes ?? []).flatMap((volume) => ['--volume', volume]),
    name,
    '--',
    ...config.entrypoint,
    ...config.command,
  ];
  const startedAt = Date.now();
  // Its own process group, so SIGKILL reaches buildah and the container's processes alike.
  const child = spawn('buildah', runArguments, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const killGroup = () => {
    if (running && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000) => {
    // As `docker stop`: the signal to the container's first process, SIGKILL after a grace.
    const target = child.pid === undefined ? undefined : findContainerProcess(child.pid);
    if (running && target !== undefined) process.kill(target, signal);
    else killGroup();
    const timer = setTimeout(killGroup, timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return {
    name,
    startedAt,
    createMs,
    output: () => output,
    exited,
    stop,
    remove: async () => {
      await stop();
      await buildah(['rm', name]);
    },
  };
}
