import type { Pool } from 'undici';
import { describeRequestError, type RequestSample } from './request-sample.js';

/** The part of an SSE reader the timing needs. */
export interface StreamScanner {
  push(chunk: Buffer): void;
  /** Events with content seen so far. */
  readonly contentEvents: number;
  /** An error event's description, if one arrived. */
  readonly error: string | undefined;
}

/**
 * Sends one streamed request and times it. Time to first token: from the request's start until
 * the bytes holding the first event with content arrive; total: until the stream ends.
 * `checkEnd` says what a finished stream lacks (usage, its end marker), or undefined.
 */
export async function sendTimedStream(
  pool: Pool,
  request: { path: string; headers: Readonly<Record<string, string>>; body: string },
  scanner: StreamScanner,
  checkEnd: () => string | undefined,
): Promise<RequestSample> {
  const startedAt = performance.now();
  try {
    const response = await pool.request({ ...request, method: 'POST' });
    if (response.statusCode !== 200) {
      const text = await response.body.text();
      return { ok: false, error: `status ${response.statusCode}: ${text.slice(0, 160)}` };
    }
    let firstTokenMs: number | undefined;
    for await (const chunk of response.body) {
      const arrivedAt = performance.now();
      scanner.push(chunk as Buffer);
      if (firstTokenMs === undefined && scanner.contentEvents > 0)
        firstTokenMs = arrivedAt - startedAt;
    }
    const totalMs = performance.now() - startedAt;
    if (scanner.error !== undefined) return { ok: false, error: `error event: ${scanner.error}` };
    if (firstTokenMs === undefined) return { ok: false, error: 'stream without content' };
    const missing = checkEnd();
    if (missing !== undefined) return { ok: false, error: missing };
    return { ok: true, totalMs, firstTokenMs };
  } catch (error: unknown) {
    return { ok: false, error: describeRequestError(error) };
  }
}
