import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LISTENING = /"msg":"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/;

/** One service of the distributed deployment running as its own process. */
export interface RunningService {
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts `services/<name>/src/main.ts` (or, `compiled`, the `dist/main.js` of `pnpm build`) as a
 * real process on a free loopback port, `nodeFlags` first, and waits for fastify's "Server
 * listening" log line.
 */
export async function startService(
  name: 'gateway' | 'accounting' | 'catalog' | 'console',
  env: Record<string, string>,
  timeoutMs = 30_000,
  options: { compiled?: boolean; nodeFlags?: readonly string[] } = {},
): Promise<RunningService> {
  const entry = entryArguments(`services/${name}`, options);
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...entry], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const origin = LISTENING.exec(output)?.[1];
    if (origin !== undefined) {
      return {
        origin,
        process: child,
        output: () => output,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      };
    }
    if (exitCode !== undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not start (exit ${exitCode}):\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** How node runs a package's entry: its TypeScript through tsx, or its compiled bundle. */
export function entryArguments(
  packageDirectory: string,
  options: { compiled?: boolean },
): string[] {
  return options.compiled
    ? [`${packageDirectory}/dist/main.js`]
    : ['--import', 'tsx', `${packageDirectory}/src/main.ts`];
}
