import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** A Switchyard service the bench starts in a process of its own. */
export type SwitchyardService = 'gateway' | 'standalone';

/** Every service the bench starts, built before it starts them. */
const BENCH_SERVICES: readonly SwitchyardService[] = ['gateway', 'standalone'];

/**
 * The node arguments that run a service from the repository root, after `nodeFlags` (preloads,
 * `--cpu-prof`). The one place that says how services run: their compiled bundles, started as the
 * images start them (`node dist/main.js`), so the bench measures what production runs.
 */
export function serviceCommand(
  service: SwitchyardService,
  nodeFlags: readonly string[] = [],
): string[] {
  return [...nodeFlags, `services/${service}/dist/main.js`];
}

/** Builds the bundles `serviceCommand` runs (`pnpm build gateway standalone`), from the source. */
export async function buildBenchServices(repositoryRoot: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/build/main.ts', ...BENCH_SERVICES],
    { cwd: repositoryRoot, timeout: 300_000 },
  );
}
