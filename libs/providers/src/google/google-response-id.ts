import { createHash } from 'node:crypto';

/**
 * The completion id: Gemini's `responseId` when it sent one, else `gemini-` and a hash of the
 * upstream bytes, so the same answer always gets the same id without randomness or a clock.
 */
export function googleResponseId(responseId: string | null | undefined, seed: string): string {
  if (responseId) return responseId;
  return `gemini-${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;
}
