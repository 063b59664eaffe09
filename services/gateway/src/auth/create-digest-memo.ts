/** A presented key's digest: its bytes, and as hex (the principal caches' key). */
export interface KeyDigest {
  readonly bytes: Buffer;
  readonly hex: string;
}

/** Digests keys, remembering those of keys that authenticated. */
export interface DigestMemo {
  /** The key's digest: remembered, else computed (and not remembered yet). */
  digest(key: string): KeyDigest;
  /** Remembers a key that authenticated; the oldest is forgotten past `maxEntries`. */
  remember(key: string, digest: KeyDigest): void;
  size(): number;
}

/**
 * Remembers the digests of keys that authenticated, so a key sending many requests is digested
 * once, not per request (an HMAC was ~2 % of a chat request's CPU): up to `maxEntries` keys, the
 * first remembered forgotten first, none longer than `maxKeyChars`. Guesses and refused keys are
 * never kept, so they can neither fill it nor stay in memory; the keys kept are live ones, in
 * this process's memory only.
 */
export function createDigestMemo(options: {
  digest: (key: string) => Buffer;
  maxEntries: number;
  maxKeyChars: number;
}): DigestMemo {
  const memo = new Map<string, KeyDigest>();
  return {
    digest(key) {
      const known = memo.get(key);
      if (known !== undefined) return known;
      const bytes = options.digest(key);
      return { bytes, hex: bytes.toString('hex') };
    },
    remember(key, digest) {
      if (key.length > options.maxKeyChars || memo.has(key)) return;
      if (memo.size >= options.maxEntries) memo.delete(memo.keys().next().value as string);
      memo.set(key, digest);
    },
    size: () => memo.size,
  };
}
