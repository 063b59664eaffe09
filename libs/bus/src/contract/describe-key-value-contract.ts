import { describe, expect, it, vi } from 'vitest';
import type { KeyValueEntry } from '../key-value-store.js';
import { bytes, type ContractFixture } from './contract-fixture.js';

const decoder = new TextDecoder();
const text = (entry: KeyValueEntry | undefined): string | undefined =>
  entry?.value === undefined ? undefined : decoder.decode(entry.value);

/** The key-value bucket the catalog snapshot is distributed through. */
export function describeKeyValueContract(fixture: ContractFixture): void {
  const settle = { timeout: 5_000, interval: 10 };

  describe('key-value', () => {
    it('gets what was put, with increasing revisions, and nothing after delete', async () => {
      const store = await fixture.bus.kv(fixture.newBucketName());
      expect(await store.get('snapshot')).toBeUndefined();
      const first = await store.put('snapshot', bytes('v1'));
      const second = await store.put('snapshot', bytes('v2'));
      expect(second).toBeGreaterThan(first);
      const entry = await store.get('snapshot');
      expect({ key: entry?.key, text: text(entry), revision: entry?.revision }).toEqual({
        key: 'snapshot',
        text: 'v2',
        revision: second,
      });
      await store.delete('snapshot');
      expect(await store.get('snapshot')).toBeUndefined();
    });

    it('watches a key: its current value, then its changes in order, ending at the latest', async () => {
      const bucket = fixture.newBucketName();
      const store = await fixture.bus.kv(bucket);
      await store.put('snapshot', bytes('v1'));
      await store.put('other', bytes('not watched'));
      const seen: Array<string | undefined> = [];
      const watch = await store.watch('snapshot', (entry) => {
        seen.push(text(entry));
      });
      await vi.waitFor(() => expect(seen).toEqual(['v1']), settle);
      await store.put('snapshot', bytes('v2'));
      await store.delete('snapshot');
      // NATS may coalesce a burst (its ordered consumer restarts at the latest value when it
      // misses a heartbeat): what is promised is order and the latest value, not every one.
      await vi.waitFor(() => expect(seen.at(-1)).toBeUndefined(), settle);
      expect(['v1,v2,', 'v1,']).toContain(seen.join(','));

      watch.stop();
      const seenBeforeStop = [...seen];
      await store.put('snapshot', bytes('v3'));
      const again = await fixture.bus.kv(bucket);
      expect(text(await again.get('snapshot'))).toBe('v3');
      expect(seen).toEqual(seenBeforeStop);
    });

    it('watches a key that has no value yet', async () => {
      const store = await fixture.bus.kv(fixture.newBucketName());
      const seen: Array<string | undefined> = [];
      await store.watch('snapshot', (entry) => {
        seen.push(text(entry));
      });
      await store.put('snapshot', bytes('first'));
      await vi.waitFor(() => expect(seen).toEqual(['first']), settle);
    });

    it('refuses a key NATS would refuse', async () => {
      const store = await fixture.bus.kv(fixture.newBucketName());
      await expect(store.put('has space', bytes('x'))).rejects.toMatchObject({
        code: 'invalid_argument',
      });
    });
  });
}
