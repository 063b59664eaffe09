import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `condition` every 5 ms; throws when it still fails after `timeoutMs` (default 2 s). */
export async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(5);
  }
}
