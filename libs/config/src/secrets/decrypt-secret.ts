import { createDecipheriv } from 'node:crypto';
import type { EncryptionKeyring } from './encryption-keyring.js';

/** A secret that cannot be opened: its key is not in the keyring, or it was tampered with. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

/**
 * Opens a secret {@link encryptSecret} sealed, with whichever key of the keyring its `keyId`
 * names; throws {@link SecretDecryptionError} (never with the plaintext) when it cannot.
 */
export function decryptSecret(
  sealed: Readonly<{ ciphertext: Uint8Array; iv: Uint8Array; authTag: Uint8Array; keyId: string }>,
  keyring: EncryptionKeyring,
  context: string,
): string {
  const key = keyring.byId.get(sealed.keyId);
  if (key === undefined) {
    throw new SecretDecryptionError(`no encryption key with id ${sealed.keyId} is configured`);
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, sealed.iv);
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError('the secret does not decrypt: wrong key or tampered data');
  }
}
