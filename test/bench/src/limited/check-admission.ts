import type { BenchTarget } from '../load/bench-target.js';
import { chatRequestBody } from '../load/chat-request-body.js';

/** The header admission sets on every request it checked against a requests-per-minute limit. */
const ADMISSION_HEADER = 'x-ratelimit-limit-requests';

/**
 * Sends one chat completion and checks admission ran on it: 200 with `x-ratelimit-*` headers
 * showing the bench's limit. Resolves with what is wrong, or undefined.
 */
export async function checkAdmission(
  target: BenchTarget,
  expectedRpm: number,
): Promise<string | undefined> {
  const response = await fetch(`${target.origin}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: chatRequestBody(target.model, false),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await response.text();
  if (response.status !== 200) return `status ${response.status}: ${body.slice(0, 300)}`;
  const limit = response.headers.get(ADMISSION_HEADER);
  if (limit === null) return `no ${ADMISSION_HEADER} header: admission did not check the request`;
  if (Number(limit) !== expectedRpm)
    return `${ADMISSION_HEADER} is ${limit}, not the bench key's ${expectedRpm}`;
  return undefined;
}
