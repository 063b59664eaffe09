import { ServerResponse } from 'node:http';
import type { Writable } from 'node:stream';

/**
 * Holds what is written to `out` from now on until `out` ends, so that a stream's last events
 * and the response's end leave in one write instead of two (one system call less per stream);
 * for a stream that is complete, whose upstream end follows at once. Released on the event
 * loop's next turn should the end not have come by then: nothing is held longer. A response's
 * socket is corked, not the response: from Node 22 a corked response keeps its chunks back and
 * `end()` writes the closing chunk (`0\r\n\r\n`) before them. Each call corks once and uncorks
 * at most once, so calls may repeat.
 */
export function holdForEnd(out: Writable): void {
  const held: Writable | null = out instanceof ServerResponse ? out.socket : out;
  if (held === null) return;
  held.cork();
  setImmediate(() => {
    // `end()` releases everything held with it; only a response still open is uncorked.
    if (!out.writableEnded && !held.destroyed && held.writableCorked > 0) held.uncork();
  });
}
