import type { BusMessage, Consumer } from './bus.js';
import { delay } from './delay.js';

/** What a bus implementation supplies to run a consumer loop. */
export interface PullLoopOptions {
  /** Makes sure the durable exists; called again after a failed pull. */
  setUp(): Promise<void>;
  /** The next batch (possibly empty); should settle soon after `signal` aborts. */
  pull(signal: AbortSignal): Promise<BusMessage[]>;
  handler(batch: BusMessage[]): Promise<void>;
  onError?: ((error: unknown) => void) | undefined;
}

const firstRetryMs = 100;
const maxRetryMs = 5_000;

/**
 * Pulls and hands batches to the handler one at a time until stopped. A failure (set-up, pull or
 * handler) is reported and followed by a growing pause, so a broken database is not hammered;
 * the messages of a failed batch come back after their ack wait.
 */
export function startPullLoop(options: PullLoopOptions): Consumer {
  const controller = new AbortController();
  const { signal } = controller;
  let markReady = (): void => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const report = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // A throwing error callback must not end the loop.
    }
  };

  const run = async (): Promise<void> => {
    let isSetUp = false;
    let failures = 0;
    while (!signal.aborted) {
      let batch: BusMessage[] = [];
      try {
        if (!isSetUp) {
          await options.setUp();
          isSetUp = true;
          markReady();
        }
        batch = await options.pull(signal);
      } catch (error: unknown) {
        isSetUp = false;
        failures += 1;
        report(error);
        await delay(Math.min(firstRetryMs * 2 ** (failures - 1), maxRetryMs), signal);
        continue;
      }
      // A batch pulled while stopping is still handled: its messages are already ours.
      if (batch.length === 0) {
        // Let timers run even if a pull came back empty at once.
        await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      try {
        await options.handler(batch);
        failures = 0;
      } catch (error: unknown) {
        failures += 1;
        report(error);
        await delay(Math.min(firstRetryMs * 2 ** (failures - 1), maxRetryMs), signal);
      }
    }
  };
  const done = run().finally(markReady);

  return {
    ready,
    async stop() {
      controller.abort();
      await done;
    },
  };
}
