import { createCipheriv, randomBytes } from 'node:crypto';
import type { EncryptedSecret } from './encrypted-secret.js';
import type { EncryptionKeyring } from './encryption-keyring.js';

/**
 * Seals `plaintext` with AES-256-GCM under the keyring's current key and a fresh nonce.
 * `context` (the provider's name) is authenticated too, so a sealed secret cannot be moved to
 * another provider's row.
 */
export function encryptSecret(
  plaintext: string,
  keyring: EncryptionKeyring,
  context: string,
): EncryptedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: keyring.current.id };
}
