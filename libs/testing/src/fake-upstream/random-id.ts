import { randomBytes } from 'node:crypto';

/** A random identifier with OpenAI's prefixes (`chatcmpl-`, `call_`, `req_`). */
export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`;
}
