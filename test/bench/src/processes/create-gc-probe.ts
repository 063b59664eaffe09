import type { ChildProcess } from 'node:child_process';
import type { YoungCollection } from '../stats/summarize-survival.js';

/** The gc probe preload, for a server's `--import`. */
export const GC_PROBE_PRELOAD = new URL('./gc-probe-preload.mjs', import.meta.url).href;

/** Young-generation collections of a server started with the gc probe, over a window. */
export interface GcProbe {
  start(): void;
  /** The collections since `start`; empty if the process did not answer within 5 s. */
  stop(): Promise<YoungCollection[]>;
}

/** Talks over IPC to the gc probe preloaded into `child` (spawned with an `ipc` stdio slot). */
export function createGcProbe(child: ChildProcess): GcProbe {
  return {
    start() {
      child.send({ type: 'gc-start' });
    },
    stop() {
      return new Promise((resolve) => {
        const done = (collections: YoungCollection[]) => {
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(collections);
        };
        const onMessage = (message: unknown) => {
          if (typeof message !== 'object' || message === null) return;
          const { type, collections } = message as { type?: unknown; collections?: unknown };
          if (type === 'gc-collections' && Array.isArray(collections))
            done(collections as YoungCollection[]);
        };
        const timer = setTimeout(() => done([]), 5_000);
        child.on('message', onMessage);
        child.send({ type: 'gc-stop' });
      });
    },
  };
}
