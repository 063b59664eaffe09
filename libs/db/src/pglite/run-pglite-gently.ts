import { getPriority, setPriority } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/**
 * How PGlite runs beside a gateway at the least cost to it. Its WebAssembly is compiled by V8's
 * baseline compiler only, never tiered up to TurboFan: tiering Postgres's large module up kept
 * 60–90 MB in the standalone's RSS for good (idle 311 → 233 MB) and its compile threads took the
 * event loop's core while the database started (stalls 54–83 → 24–27 ms); the database started
 * faster without it (8.3 → 6.3 s) and the CPU per request did not change. And its threads run
 * {@link PGLITE_NICE} below the caller's priority, so on a busy machine the event loop wins.
 */
export const BASELINE_WASM_FLAGS = ['--no-wasm-dynamic-tiering', '--no-wasm-tier-up'] as const;

/** How much lower than the event loop PGlite's threads run (nice values, up to 19). */
export const PGLITE_NICE = 10;

/**
 * Sets {@link BASELINE_WASM_FLAGS} in this process, on the main thread before PGlite's thread
 * starts: V8's flags are the process's, so WebAssembly compiled later on the main thread
 * (undici's HTTP parser in the standalone) is baseline-compiled too.
 */
export function compileWasmBaselineOnly(): void {
  for (const flag of BASELINE_WASM_FLAGS) setFlagsFromString(flag);
}

/** The nice value PGlite runs at: {@link PGLITE_NICE} above this process's. */
export function pgliteNice(): number {
  return Math.min(19, getPriority() + PGLITE_NICE);
}

/**
 * Sets the calling thread's nice value ({@link pgliteNice} for PGlite's) on Linux, where a nice
 * value is the thread's own; elsewhere it is the whole process's, which must not be lowered.
 */
export function lowerThisThread(nice: number): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(nice);
  } catch {
    // A sandbox that refuses it leaves the thread at the process's priority: only slower.
  }
}
