import type { Pool } from 'undici';
import { checkResponsesBody } from './check-responses-body.js';
import { describeRequestError, type RequestSample } from './request-sample.js';

/** Sends one non-streamed Responses API request and times it until the last byte of the body. */
export async function sendResponsesRequest(
  pool: Pool,
  headers: Readonly<Record<string, string>>,
  body: string,
): Promise<RequestSample> {
  const startedAt = performance.now();
  try {
    const response = await pool.request({ path: '/v1/responses', method: 'POST', headers, body });
    const text = await response.body.text();
    const totalMs = performance.now() - startedAt;
    if (response.statusCode !== 200)
      return { ok: false, error: `status ${response.statusCode}: ${text.slice(0, 160)}` };
    const problem = checkResponsesBody(text);
    if (problem !== undefined) return { ok: false, error: problem };
    return { ok: true, totalMs, firstTokenMs: undefined };
  } catch (error: unknown) {
    return { ok: false, error: describeRequestError(error) };
  }
}
