import {
  RESPONSE_RETENTION_MS,
  type ResponseStore,
  type StoredResponse,
} from './response-store.js';

/** Most Responses one process keeps without Redis; the oldest go first. */
const MAX_ENTRIES = 10_000;

/**
 * Stored Responses in this process's memory, for gateways without Redis (standalone, tests):
 * lost on restart and not shared between replicas; at most 10,000, each for the retention.
 */
export function createMemoryResponseStore(now: () => number): ResponseStore {
  const entries = new Map<string, { stored: StoredResponse; expiresAt: number }>();
  const live = (id: string) => {
    const entry = entries.get(id);
    if (entry === undefined) return undefined;
    if (entry.expiresAt > now()) return entry;
    entries.delete(id);
    return undefined;
  };
  return {
    async get(id, ownerKeyId) {
      const stored = live(id)?.stored;
      return stored?.ownerKeyId === ownerKeyId ? stored : undefined;
    },
    async put(stored) {
      entries.delete(stored.id);
      entries.set(stored.id, { stored, expiresAt: now() + RESPONSE_RETENTION_MS });
      while (entries.size > MAX_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
    async delete(id, ownerKeyId) {
      if (live(id)?.stored.ownerKeyId !== ownerKeyId) return false;
      return entries.delete(id);
    },
  };
}
