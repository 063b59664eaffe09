import type { RunningContainer } from './start-container.js';

/**
 * Polls `origin`/readyz until it answers 200 and returns the milliseconds since the container
 * started; fails with the container's output when it exits first or `timeoutMs` passes.
 */
export async function waitForReady(
  container: RunningContainer,
  origin: string,
  timeoutMs = 120_000,
): Promise<number> {
  let exitCode: number | null | undefined;
  void container.exited.then((code) => {
    exitCode = code;
  });
  const deadline = container.startedAt + timeoutMs;
  for (;;) {
    const ready = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) return Date.now() - container.startedAt;
    if (exitCode !== undefined || Date.now() > deadline) {
      throw new Error(
        `${container.name} was not ready at ${origin}/readyz (exit ${exitCode}):\n${container.output()}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
