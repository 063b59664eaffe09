/** Work that must happen however the bench ends, after its children stopped (a database drop). */
export interface CleanupList {
  add(cleanup: () => Promise<void>): void;
  /** Runs every cleanup once, in reverse order of adding; a failure is reported, not thrown. */
  runAll(): Promise<void>;
}

/** Creates an empty list of cleanups. */
export function createCleanupList(): CleanupList {
  const cleanups: (() => Promise<void>)[] = [];
  return {
    add(cleanup) {
      cleanups.push(cleanup);
    },
    async runAll() {
      for (let cleanup = cleanups.pop(); cleanup !== undefined; cleanup = cleanups.pop()) {
        try {
          await cleanup();
        } catch (error: unknown) {
          process.stderr.write(
            `cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`,
          );
        }
      }
    },
  };
}
