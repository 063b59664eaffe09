import { createHash } from 'node:crypto';

/** An AES-256 key and the id stored beside everything it sealed. */
export interface EncryptionKey {
  /** The first 16 hex digits of the key's SHA-256: names the key without revealing it. */
  id: string;
  key: Buffer;
}

/** The key new secrets are sealed with, and every key (old ones too) that may open a secret. */
export interface EncryptionKeyring {
  current: EncryptionKey;
  byId: ReadonlyMap<string, EncryptionKey>;
}

/**
 * Builds a keyring from `SWITCHYARD_ENCRYPTION_KEY` (32 bytes, base64 or hex) and the keys it
 * replaced, which still decrypt until every secret is re-sealed. Throws naming the bad key.
 */
export function createEncryptionKeyring(
  current: string,
  previous: readonly string[] = [],
): EncryptionKeyring {
  const currentKey = toEncryptionKey(current, 'SWITCHYARD_ENCRYPTION_KEY');
  const byId = new Map<string, EncryptionKey>([[currentKey.id, currentKey]]);
  previous.forEach((text, index) => {
    const key = toEncryptionKey(text, `SWITCHYARD_ENCRYPTION_KEYS_PREVIOUS[${index}]`);
    if (!byId.has(key.id)) byId.set(key.id, key);
  });
  return { current: currentKey, byId };
}

/** Decodes a 32-byte key written as 64 hex digits or as base64 (standard or url-safe). */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}

function toEncryptionKey(text: string, name: string): EncryptionKey {
  const key = parseEncryptionKey(text);
  if (key === undefined) {
    throw new RangeError(`${name} must be 32 bytes written as base64 or 64 hex digits`);
  }
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}
