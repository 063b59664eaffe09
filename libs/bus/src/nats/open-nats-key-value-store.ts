import type { JetStreamClient } from '@nats-io/jetstream';
import { type KvEntry, Kvm } from '@nats-io/kv';
import { assertKeyValueKey } from '../key-value-key.js';
import type { KeyValueEntry, KeyValueStore } from '../key-value-store.js';

/** Opens (creating if needed) a NATS KV bucket behind the {@link KeyValueStore} interface. */
export async function openNatsKeyValueStore(
  client: JetStreamClient,
  bucket: string,
  onError: (error: unknown) => void,
): Promise<KeyValueStore & { close(): void }> {
  const store = await new Kvm(client).create(bucket);
  const watches = new Set<{ stop(): void }>();

  return {
    async get(key) {
      assertKeyValueKey(key);
      const entry = await store.get(key);
      return entry === null || entry.operation !== 'PUT' ? undefined : toEntry(entry);
    },
    async put(key, value) {
      assertKeyValueKey(key);
      return store.put(key, value);
    },
    async delete(key) {
      assertKeyValueKey(key);
      await store.delete(key);
    },
    async watch(key, handler) {
      const iterator = await store.watch({ key });
      const watch = {
        stop: () => {
          watches.delete(watch);
          iterator.stop();
        },
      };
      watches.add(watch);
      // A deletion is news only for a key this watch has seen a value of (the initial replay
      // carries delete markers of keys long gone).
      const seen = new Set<string>();
      void (async () => {
        for await (const entry of iterator) {
          if (entry.operation === 'PUT') seen.add(entry.key);
          else if (!seen.delete(entry.key)) continue;
          try {
            handler(toEntry(entry));
          } catch (error: unknown) {
            onError(error);
          }
        }
      })().catch(onError);
      return watch;
    },
    close() {
      for (const watch of [...watches]) watch.stop();
    },
  };
}

function toEntry(entry: KvEntry): KeyValueEntry {
  return {
    key: entry.key,
    value: entry.operation === 'PUT' ? entry.value : undefined,
    revision: entry.revision,
  };
}
