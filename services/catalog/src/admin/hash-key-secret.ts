import { createHmac } from 'node:crypto';

/**
 * A Switchyard key's stored form, HMAC-SHA256 under the server's pepper, exactly as accounting
 * stores it in `accounting.api_keys.key_hash` (repeated here: services never import each other).
 */
export function hashKeySecret(secret: string, pepper: string): Buffer {
  return createHmac('sha256', pepper).update(secret).digest();
}
