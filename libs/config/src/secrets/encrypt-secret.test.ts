import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSecret, SecretDecryptionError } from './decrypt-secret.js';
import { encryptSecret } from './encrypt-secret.js';
import { createEncryptionKeyring, parseEncryptionKey } from './encryption-keyring.js';

const keyBase64 = randomBytes(32).toString('base64');
const keyring = createEncryptionKeyring(keyBase64);

describe('encryptSecret / decryptSecret', () => {
  it('round-trips a secret with a fresh nonce each time, never storing the plaintext', () => {
    const secret = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123';
    const first = encryptSecret(secret, keyring, 'openai');
    const second = encryptSecret(secret, keyring, 'openai');
    expect(first.iv).toHaveLength(12);
    expect(first.authTag).toHaveLength(16);
    expect(first.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.ciphertext.toString('utf8')).not.toContain('abcdefgh');
    expect(decryptSecret(first, keyring, 'openai')).toBe(secret);
  });

  it('refuses a tampered ciphertext, another provider as context, and an unknown key id', () => {
    const sealed = encryptSecret('sk-secret-value-1234', keyring, 'openai');
    const flipped = Buffer.from(sealed.ciphertext);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptSecret({ ...sealed, ciphertext: flipped }, keyring, 'openai')).toThrow(
      SecretDecryptionError,
    );
    expect(() => decryptSecret(sealed, keyring, 'anthropic')).toThrow(SecretDecryptionError);
    const other = createEncryptionKeyring(randomBytes(32).toString('hex'));
    expect(() => decryptSecret(sealed, other, 'openai')).toThrow(/no encryption key with id/);
  });

  it('rotates: a new current key still opens what the previous key sealed', () => {
    const sealed = encryptSecret('sk-old-secret-5678', keyring, 'openai');
    const rotated = createEncryptionKeyring(randomBytes(32).toString('hex'), [keyBase64]);
    expect(rotated.current.id).not.toBe(sealed.keyId);
    expect(decryptSecret(sealed, rotated, 'openai')).toBe('sk-old-secret-5678');
    expect(encryptSecret('x', rotated, 'openai').keyId).toBe(rotated.current.id);
  });

  it('accepts 32-byte keys as hex, base64 and base64url only', () => {
    const key = randomBytes(32);
    expect(parseEncryptionKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(parseEncryptionKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(() => createEncryptionKeyring('short')).toThrow(/SWITCHYARD_ENCRYPTION_KEY/);
  });
});
