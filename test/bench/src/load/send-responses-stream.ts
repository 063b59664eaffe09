import type { Pool } from 'undici';
import { createResponsesSseScanner } from './create-responses-sse-scanner.js';
import type { RequestSample } from './request-sample.js';
import { sendTimedStream } from './send-timed-stream.js';

/**
 * Sends one streamed Responses API request. Time to first token: until the bytes holding the
 * first non-empty `response.output_text.delta` arrive; total: until the stream ends (after
 * `response.completed`, which must carry usage: the stream has no `[DONE]`).
 */
export function sendResponsesStream(
  pool: Pool,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<RequestSample> {
  const scanner = createResponsesSseScanner();
  return sendTimedStream(pool, { path: '/v1/responses', headers, body }, scanner, () => {
    if (!scanner.sawCompleted) return 'stream without response.completed';
    if (!scanner.sawUsage) return 'stream without response.completed usage';
    return undefined;
  });
}
