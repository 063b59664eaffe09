import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialisePgliteCluster } from './initialise-pglite-cluster.js';
import { BASELINE_WASM_FLAGS, PGLITE_NICE } from './run-pglite-gently.js';
import { startPgliteWorker } from './start-pglite-worker.js';

/** The fields of a /proc stat line after the command name (nice is index 16). */
function statFields(path: string): string[] {
  const stat = readFileSync(path, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((thread) =>
    Number(statFields(`/proc/self/task/${thread}/stat`)[16]),
  );
}

/** This process's children whose command line mentions `name`. */
function childrenNamed(name: string): Array<{ pid: number; nice: number; argv: string[] }> {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .flatMap((pid) => {
      try {
        const fields = statFields(`/proc/${pid}/stat`);
        const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (Number(fields[1]) !== process.pid || !argv.some((arg) => arg.includes(name))) return [];
        return [{ pid: Number(pid), nice: Number(fields[16]), argv }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

// Nice values are a thread's own on Linux only; a runner already at 10 or more has no room.
const measurable = process.platform === 'linux' && getPriority() + PGLITE_NICE <= 19;

describe('PGlite runs gently', () => {
  it.runIf(measurable)(
    "lowers PGlite's thread alone below the event loop",
    async () => {
      const own = getPriority();
      const lowered = own + PGLITE_NICE;
      const before = threadNiceValues().filter((nice) => nice === lowered).length;
      const session = startPgliteWorker(undefined);
      try {
        await session.ready;
        expect(threadNiceValues().filter((nice) => nice === lowered).length).toBe(before + 1);
        expect(getPriority()).toBe(own);
      } finally {
        await session.close(5_000);
      }
    },
    60_000,
  );

  it.runIf(measurable)(
    'creates a cluster in a child that compiles WebAssembly baseline-only, below the event loop',
    async () => {
      const root = await mkdtemp(join(tmpdir(), 'switchyard-gently-'));
      try {
        const creation = initialisePgliteCluster(join(root, 'pgdata'));
        const [child] = childrenNamed('pglite-init');
        expect(child?.nice).toBe(getPriority() + PGLITE_NICE);
        expect(child?.argv).toEqual(expect.arrayContaining([...BASELINE_WASM_FLAGS]));
        await creation.done;
        expect(existsSync(join(root, 'pgdata', 'PG_VERSION'))).toBe(true);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
