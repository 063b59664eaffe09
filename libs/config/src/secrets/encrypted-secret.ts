/** A secret sealed with AES-256-GCM, as stored in `catalog.credentials`. */
export interface EncryptedSecret {
  ciphertext: Buffer;
  /** The 12-byte nonce, new for every encryption. */
  iv: Buffer;
  /** The 16-byte GCM tag: decryption fails unless ciphertext, iv and context are untouched. */
  authTag: Buffer;
  /** Which key of the keyring sealed it. */
  keyId: string;
}
