import type { ChildProcess } from 'node:child_process';

// Fine enough to time a cold start of about a second.
const POLL_INTERVAL_MS = 20;

/**
 * Polls `${origin}/readyz` until it answers 200 (the service listens and its checks pass, e.g.
 * the accounting schema is current); rejects with the child's output if it exits first or is
 * not ready within `timeoutMs`.
 */
export async function waitForReady(
  child: ChildProcess,
  origin: string,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`exited (${child.signalCode ?? child.exitCode}) before ready:\n${output()}`);
    try {
      const response = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(1_000) });
      const body = await response.text();
      if (response.status === 200) return;
      last = `/readyz ${response.status}: ${body.slice(0, 300)}`;
    } catch (error: unknown) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`not ready within ${timeoutMs} ms (${last}):\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
