import { setImmediate as tick } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's `gc`, taken from a context made while `--expose-gc` was on (the test runner's is off). */
let gc: (() => void) | undefined;

/**
 * Full collections, each after a turn of the event loop (so what a settled promise or a stream
 * callback still held has let go): what is left on the heap after it is what something keeps.
 */
export async function collectGarbage(rounds = 2): Promise<void> {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  }
  for (let round = 0; round < rounds; round++) {
    await tick();
    gc();
  }
}

/**
 * Whether the object `ref` points at is garbage once nothing but it refers to it. A test of what
 * a request keeps alive holds only the `WeakRef`, built in a function of its own so the test's
 * frame keeps no strong reference.
 */
export async function isCollected(ref: WeakRef<object>): Promise<boolean> {
  for (let round = 0; round < 3 && ref.deref() !== undefined; round++) await collectGarbage(1);
  return ref.deref() === undefined;
}
