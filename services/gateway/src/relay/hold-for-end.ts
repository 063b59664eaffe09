import type { Writable } from 'node:stream';

/**
 * Holds what is written to `out` from now on until `out` ends, so that a stream's last events
 * and the response's end leave in one write instead of two (one system call less per stream);
 * for a stream that is complete, whose upstream end follows at once. Released on the event
 * loop's next turn should the end not have come by then: nothing is held longer. Each call
 * corks once and uncorks once, so calls may repeat.
 */
export function holdForEnd(out: Writable): void {
  out.cork();
  setImmediate(() => {
    // `end()` releases everything it was held with; only a response still open is uncorked.
    if (!out.writableEnded && !out.destroyed && out.writableCorked > 0) out.uncork();
  });
}
