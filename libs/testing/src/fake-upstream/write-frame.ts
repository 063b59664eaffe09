import type { ServerResponse } from 'node:http';

/**
 * Writes one piece of the body and resolves once it has been handed to the socket (or the client
 * left), so each SSE event leaves in its own write and backpressure is respected.
 */
export function writeFrame(
  response: ServerResponse,
  frame: string | Uint8Array,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const onAbort = (): void => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    response.write(frame, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
