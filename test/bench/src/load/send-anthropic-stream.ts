import type { Pool } from 'undici';
import { createAnthropicSseScanner } from './create-anthropic-sse-scanner.js';
import type { RequestSample } from './request-sample.js';
import { sendTimedStream } from './send-timed-stream.js';

/**
 * Sends one streamed Anthropic Messages request. Time to first token: until the bytes holding
 * the first non-empty `text_delta` arrive; total: until the stream ends (after `message_stop`).
 */
export function sendAnthropicStream(
  pool: Pool,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<RequestSample> {
  const scanner = createAnthropicSseScanner();
  return sendTimedStream(pool, { path: '/v1/messages', headers, body }, scanner, () => {
    if (!scanner.sawUsage) return 'stream without message_delta usage';
    if (!scanner.sawStop) return 'stream without message_stop';
    return undefined;
  });
}
