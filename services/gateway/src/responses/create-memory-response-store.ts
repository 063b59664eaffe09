import {
  RESPONSE_RETENTION_MS,
  type ResponseStore,
  type StoredResponse,
} from './response-store.js';

/** Most Responses one process keeps without Redis; the oldest go first. */
const MAX_ENTRIES = 10_000;
/** Most bytes (as JSON) they may take together: a few large conversations cannot fill the heap. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Stored Responses in this process's memory, for gateways without Redis (standalone, tests):
 * lost on restart and not shared between replicas; at most 10,000 and 64 MiB, each for the
 * retention, the oldest dropped first.
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
  };
}
