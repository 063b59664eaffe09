import type { ServerResponse } from 'node:http';

/** The upstream model whose streams the fast upstream holds open (the open-streams scenario). */
export const HOLD_MODEL = 'gpt-hold';

/** How many held streams are open now, and the most that were open at once. */
export interface HeldCount {
  readonly open: number;
  readonly maxOpen: number;
}

/** Streams the upstream started and keeps open until `releaseAll`. */
export interface HeldStreams {
  /** Keeps a started stream open; `finish` writes the rest of it and ends it. */
  hold(response: ServerResponse, finish: () => void): void;
  count(): HeldCount;
  /** Finishes every held stream; resets the maximum. Returns how many were released. */
  releaseAll(): number;
}

/** Creates the registry of held streams; a stream whose client left is dropped from it. */
export function createHeldStreams(): HeldStreams {
  const held = new Map<ServerResponse, () => void>();
  let maxOpen = 0;
  return {
    hold(response, finish) {
      held.set(response, finish);
      maxOpen = Math.max(maxOpen, held.size);
      response.once('close', () => held.delete(response));
    },
    count: () => ({ open: held.size, maxOpen }),
    releaseAll() {
      const finishes = [...held.values()];
      held.clear();
      maxOpen = 0;
      for (const finish of finishes) finish();
      return finishes.length;
    },
  };
}
