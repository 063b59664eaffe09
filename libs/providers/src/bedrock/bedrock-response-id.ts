import { createHash } from 'node:crypto';

/**
 * A completion id for a Bedrock answer, which carries none in its body: `bedrock-` and a hash
 * of the upstream bytes, so the same answer always gets the same id without randomness or clock.
 */
export function bedrockResponseId(seed: string | Uint8Array): string {
  return `bedrock-${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;
}
