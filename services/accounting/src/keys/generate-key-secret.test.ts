import { hashKeySecret } from '@switchyard/db';
import { describe, expect, it } from 'vitest';
import { generateKeySecret, KEY_PREFIX } from './generate-key-secret.js';

describe('key secrets', () => {
  it('are sk-sy- + 32 random bytes, different every time, with a short display prefix', () => {
    const first = generateKeySecret();
    const second = generateKeySecret();
    expect(first.secret).toMatch(/^sk-sy-[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first.secret.slice(KEY_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(first.secret).not.toBe(second.secret);
    expect(first.secret.startsWith(first.displayPrefix)).toBe(true);
    expect(first.displayPrefix).toHaveLength(12);
  });

  it('hash to a 32-byte HMAC that depends on the pepper', () => {
    const { secret } = generateKeySecret();
    expect(hashKeySecret(secret, 'pepper-a')).toHaveLength(32);
    expect(hashKeySecret(secret, 'pepper-a').equals(hashKeySecret(secret, 'pepper-a'))).toBe(true);
    expect(hashKeySecret(secret, 'pepper-a').equals(hashKeySecret(secret, 'pepper-b'))).toBe(false);
  });
});
