import type { Pool } from 'undici';
import { createSseScanner } from './create-sse-scanner.js';
import type { RequestSample } from './request-sample.js';
import { sendTimedStream } from './send-timed-stream.js';

/**
 * Sends one streamed chat completion. Time to first token: until the bytes holding the first
 * `data:` event with `delta.content` arrive; total: until the stream ends (after `[DONE]`).
 */
export function sendChatStream(
  pool: Pool,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<RequestSample> {
  const scanner = createSseScanner();
  return sendTimedStream(pool, { path: '/v1/chat/completions', headers, body }, scanner, () => {
    if (!scanner.sawUsage) return 'stream without usage';
    if (!scanner.sawDone) return 'stream without [DONE]';
    return undefined;
  });
}
