import { createHmac } from 'node:crypto';

/**
 * The stored form of a key secret: HMAC-SHA256 under the server's pepper. Without the pepper a
 * leaked table cannot be brute-forced offline; with it, lookup stays one indexed equality.
 */
export function hashKeySecret(secret: string, pepper: string): Buffer {
  return createHmac('sha256', pepper).update(secret).digest();
}
