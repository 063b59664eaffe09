import { type ChildReaper, createChildReaper } from './create-child-reaper.js';
import { type CleanupList, createCleanupList } from './create-cleanup-list.js';

/** A bench command line: its flags, its help text and what it does. */
export interface BenchCommand<Options extends { readonly help: boolean }> {
  /** As progress lines and errors name it: `bench`, `bench:ab`. */
  readonly name: string;
  readonly usage: string;
  /** Throws one error listing every bad flag. */
  parse(argv: readonly string[]): Options;
  main(options: Options, reaper: ChildReaper, cleanups: CleanupList): Promise<void>;
  /** How long children get to exit at the end (a `--cpu-prof` process writes its profile then). */
  readonly stopGraceMs?: number;
}

/**
 * Parses the flags (exit 2 on bad ones, the help on `--help`), then runs `main` so that its
 * children go down with it (Ctrl-C, a kill, a failure) and its cleanups run after them.
 */
export async function runBenchCommand<Options extends { readonly help: boolean }>(
  command: BenchCommand<Options>,
): Promise<void> {
  let options: Options;
  try {
    options = command.parse(process.argv.slice(2));
  } catch (error: unknown) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  if (options.help) {
    console.log(command.usage);
    process.exit(0);
  }
  const reaper = createChildReaper();
  const cleanups = createCleanupList();
  // A synchronous exit cannot wait for Postgres: the children die there, the cleanups cannot run.
  process.on('exit', () => reaper.killAllNow());
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: stopping the ${command.name} processes …\n`);
      void reaper
        .stopAll(1000)
        .then(() => cleanups.runAll())
        .finally(() => process.exit(128 + number));
    });
  }
  try {
    await command.main(options, reaper, cleanups);
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`${command.name} failed: ${message}`);
    process.exitCode = 1;
  } finally {
    await reaper.stopAll(command.stopGraceMs ?? 3_000);
    await cleanups.runAll();
  }
}
