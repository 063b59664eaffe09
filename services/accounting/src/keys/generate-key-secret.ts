import { randomBytes } from 'node:crypto';

/** Every Switchyard key starts with this, so leaked keys are recognisable (and redactable). */
export const KEY_PREFIX = 'sk-sy-';
/** Characters of a secret shown in listings: the prefix and the first few random characters. */
const DISPLAY_LENGTH = KEY_PREFIX.length + 6;

/** A new key secret: `sk-sy-` + 32 random bytes as base64url (43 characters, 256 bits). */
export function generateKeySecret(): { secret: string; displayPrefix: string } {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, displayPrefix: secret.slice(0, DISPLAY_LENGTH) };
}
