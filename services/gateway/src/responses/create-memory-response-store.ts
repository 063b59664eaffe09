import {
  type NativeResponseOwner,
  RESPONSE_RETENTION_MS,
  type ResponseStore,
  type StoredResponse,
} from './response-store.js';

/** Most Responses one process keeps without Redis; the oldest go first. */
const MAX_ENTRIES = 10_000;
/** Most owners of upstream-stored Responses one process keeps (a few hundred bytes each). */
const MAX_NATIVE_OWNERS = 100_000;
/** Most bytes (as JSON) they may take together: a few large conversations cannot fill the heap. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Stored Responses in this process's memory, for gateways without Redis (standalone, tests):
 * lost on restart and not shared between replicas; at most 10,000 and 64 MiB, each for the
 * retention, the oldest dropped first; and up to 100,000 owners of Responses an upstream stored.
 */
export function createMemoryResponseStore(
  now: () => number,
  limits: { maxEntries: number; maxBytes: number } = {
    maxEntries: MAX_ENTRIES,
    maxBytes: MAX_BYTES,
  },
): ResponseStore {
  const entries = new Map<string, { stored: StoredResponse; expiresAt: number; bytes: number }>();
  let totalBytes = 0;
  const owners = new Map<string, { owner: NativeResponseOwner; expiresAt: number }>();
  const liveOwner = (id: string, ownerKeyId: string) => {
    const entry = owners.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now()) {
      owners.delete(id);
      return undefined;
    }
    return entry.owner.ownerKeyId === ownerKeyId ? entry.owner : undefined;
  };
  const remove = (id: string): boolean => {
    const entry = entries.get(id);
    if (entry === undefined) return false;
    totalBytes -= entry.bytes;
    return entries.delete(id);
  };
  const live = (id: string) => {
    const entry = entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry;
    remove(id);
    return undefined;
  };
  return {
    async get(id, ownerKeyId) {
      const stored = live(id)?.stored;
      return stored?.ownerKeyId === ownerKeyId ? stored : undefined;
    },
    async put(stored) {
      remove(stored.id);
      const bytes = JSON.stringify(stored).length;
      entries.set(stored.id, { stored, expiresAt: now() + RESPONSE_RETENTION_MS, bytes });
      totalBytes += bytes;
      while (entries.size > limits.maxEntries || totalBytes > limits.maxBytes) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        remove(oldest);
      }
    },
    async delete(id, ownerKeyId) {
      if (live(id)?.stored.ownerKeyId !== ownerKeyId) return false;
      return remove(id);
    },
    async putNative(owner) {
      owners.delete(owner.id);
      owners.set(owner.id, { owner: { ...owner }, expiresAt: now() + RESPONSE_RETENTION_MS });
      const oldest = owners.keys().next().value;
      if (owners.size > MAX_NATIVE_OWNERS && oldest !== undefined) owners.delete(oldest);
    },
    async getNative(id, ownerKeyId) {
      return liveOwner(id, ownerKeyId);
    },
  };
}
