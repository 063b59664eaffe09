import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startPgliteWorker } from './start-pglite-worker.js';

/** The nice value of each of this process's threads (Linux: /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map(niceOf);
}

function niceOf(thread: string | number): number {
  const stat = readFileSync(`/proc/self/task/${thread}/stat`, 'utf8');
  // The fields after the command name; nice is the 19th of the line.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[16]);
}

describe('runPgliteGently', () => {
  it.runIf(process.platform === 'linux')(
    "lowers PGlite's thread alone below the event loop",
    async () => {
      const before = threadNiceValues();
      const session = startPgliteWorker(undefined);
      try {
        await session.ready;
        const after = threadNiceValues();
        expect(after.filter((nice) => nice === 10).length).toBe(
          before.filter((nice) => nice === 10).length + 1,
        );
        expect(niceOf(process.pid)).toBe(0); // the process's main thread
      } finally {
        await session.close(5_000);
      }
    },
    60_000,
  );
});
