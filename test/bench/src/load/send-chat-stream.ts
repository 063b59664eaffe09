import type { Pool } from 'undici';
import { createSseScanner } from './create-sse-scanner.js';
import { describeRequestError, type RequestSample } from './request-sample.js';

/**
 * Sends one streamed chat completion. Time to first token: from the request's start until the
 * bytes holding the first `data:` event with content arrive; total: until the stream ends.
 */
export async function sendChatStream(
  pool: Pool,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<RequestSample> {
  const startedAt = performance.now();
  try {
    const response = await pool.request({
      path: '/v1/chat/completions',
      method: 'POST',
      headers,
      body,
    });
    if (response.statusCode !== 200) {
      const text = await response.body.text();
      return { ok: false, error: `status ${response.statusCode}: ${text.slice(0, 160)}` };
    }
    const scanner = createSseScanner();
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
    if (!scanner.sawUsage) return { ok: false, error: 'stream without usage' };
    if (!scanner.sawDone) return { ok: false, error: 'stream without [DONE]' };
    return { ok: true, totalMs, firstTokenMs };
  } catch (error: unknown) {
    return { ok: false, error: describeRequestError(error) };
  }
}
