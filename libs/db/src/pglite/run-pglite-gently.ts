import { setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** How much lower than the event loop PGlite's thread runs (a nice value, 0–19). */
const PGLITE_NICE = 10;

/**
 * Sets up the thread that is about to run PGlite's WebAssembly so that it costs the gateway
 * beside it as little as it can; call it before PGlite starts, and only where PGlite runs (its
 * thread, the child that creates a cluster):
 * - WebAssembly is compiled by V8's baseline compiler only, never tiered up to TurboFan. Tiering
 *   Postgres's large module up kept 60–90 MB in the standalone's RSS for good (idle 311 → 233
 *   MB), and its compile threads took the event loop's core while the database started (stalls
 *   54–83 → 24–27 ms); the database started faster without it (8.3 → 6.3 s) and the CPU per
 *   request did not change. V8's flags are the process's: WebAssembly compiled after this in the
 *   same process (undici's HTTP parser) is baseline-only too.
 * - On Linux the calling thread's nice value goes up: there it is the thread's own, not the
 *   process's, so on a busy machine the event loop wins the CPU over a migration or a write.
 */
export function runPgliteGently(): void {
  setFlagsFromString('--no-wasm-dynamic-tiering');
  setFlagsFromString('--no-wasm-tier-up');
  if (process.platform === 'linux') {
    try {
      setPriority(PGLITE_NICE);
    } catch {
      // A sandbox that refuses it leaves the thread at the process's priority: only slower.
    }
  }
}
