import { BusError } from '../bus-error.js';
import { assertKeyValueKey } from '../key-value-key.js';
import type { KeyValueEntry, KeyValueStore, KeyValueWatch } from '../key-value-store.js';
import { isSubjectPattern, subjectsOverlap } from '../subjects-overlap.js';

interface Watcher {
  pattern: string;
  handler: (entry: KeyValueEntry) => void;
  /** Keys this watcher has been given a value of: only their deletion is news to it. */
  seen: Set<string>;
}

/** An in-process key-value bucket with NATS KV's watch semantics (current value, then changes). */
export function createMemoryKeyValueStore(onError: (error: unknown) => void): KeyValueStore & {
  close(): void;
} {
  const entries = new Map<string, KeyValueEntry>();
  const watchers = new Set<Watcher>();
  let revision = 0;

  const notify = (watcher: Watcher, entry: KeyValueEntry): void => {
    queueMicrotask(() => {
      if (!watchers.has(watcher)) return;
      if (entry.value !== undefined) watcher.seen.add(entry.key);
      else if (!watcher.seen.delete(entry.key)) return;
      try {
        watcher.handler(copy(entry));
      } catch (error: unknown) {
        onError(error);
      }
    });
  };

  const change = (key: string, value: Uint8Array | undefined): number => {
    assertKeyValueKey(key);
    revision += 1;
    const entry = { key, value: value?.slice(), revision };
    entries.set(key, entry);
    for (const watcher of watchers) {
      if (subjectsOverlap(watcher.pattern, key)) notify(watcher, entry);
    }
    return revision;
  };

  return {
    async get(key) {
      assertKeyValueKey(key);
      const entry = entries.get(key);
      return entry?.value === undefined ? undefined : copy(entry);
    },
    async put(key, value) {
      return change(key, value);
    },
    async delete(key) {
      change(key, undefined);
    },
    async watch(pattern, handler): Promise<KeyValueWatch> {
      if (!isSubjectPattern(pattern)) {
        throw new BusError('invalid_argument', `not a valid key pattern: ${pattern}`);
      }
      const watcher = { pattern, handler, seen: new Set<string>() };
      watchers.add(watcher);
      const current = [...entries.values()]
        .filter((entry) => entry.value !== undefined && subjectsOverlap(pattern, entry.key))
        .sort((first, second) => first.revision - second.revision);
      for (const entry of current) notify(watcher, entry);
      return { stop: () => watchers.delete(watcher) };
    },
    close() {
      watchers.clear();
    },
  };
}

function copy(entry: KeyValueEntry): KeyValueEntry {
  return { key: entry.key, value: entry.value?.slice(), revision: entry.revision };
}
