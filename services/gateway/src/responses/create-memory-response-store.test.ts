import { describe, expect, it } from 'vitest';
import { createMemoryResponseStore } from './create-memory-response-store.js';
import { RESPONSE_RETENTION_MS, type StoredResponse } from './response-store.js';

const turn = (id: string, text: string, ownerKeyId = 'key-a'): StoredResponse => ({
  id,
  ownerKeyId,
  response: { id, output_text: text },
  items: [],
});

describe('createMemoryResponseStore', () => {
  it('reads a Response by its owner only, and forgets it after the retention', async () => {
    let clock = 0;
    const store = createMemoryResponseStore(() => clock);
    await store.put(turn('resp_1', 'hi'));
    expect(await store.get('resp_1', 'key-b')).toBeUndefined();
    expect(await store.delete('resp_1', 'key-b')).toBe(false);
    expect((await store.get('resp_1', 'key-a'))?.response).toEqual({
      id: 'resp_1',
      output_text: 'hi',
    });
    clock = RESPONSE_RETENTION_MS + 1;
    expect(await store.get('resp_1', 'key-a')).toBeUndefined();
  });

  it('drops the oldest first past its byte bound, so large turns cannot fill the heap', async () => {
    const one = JSON.stringify(turn('resp_1', 'x'.repeat(1000))).length;
    const store = createMemoryResponseStore(() => 0, { maxEntries: 100, maxBytes: one * 2 + 10 });
    for (const id of ['resp_1', 'resp_2', 'resp_3']) await store.put(turn(id, 'x'.repeat(1000)));
    expect(await store.get('resp_1', 'key-a')).toBeUndefined();
    expect(await store.get('resp_2', 'key-a')).toBeDefined();
    expect(await store.get('resp_3', 'key-a')).toBeDefined();
    // Deleting gives its bytes back: two more fit again.
    expect(await store.delete('resp_2', 'key-a')).toBe(true);
    await store.put(turn('resp_4', 'x'.repeat(1000)));
    expect(await store.get('resp_3', 'key-a')).toBeDefined();
    expect(await store.get('resp_4', 'key-a')).toBeDefined();
  });

  it('records the owner of a Response an upstream stored, for its key and the retention', async () => {
    let clock = 0;
    const store = createMemoryResponseStore(() => clock);
    const owner = { id: 'resp_n', ownerKeyId: 'key-a', provider: 'openai' };
    await store.putNative(owner);
    expect(await store.get('resp_n', 'key-a')).toBeUndefined();
    expect(await store.getNative('resp_n', 'key-b')).toBeUndefined();
    // Not a stored Response: DELETE of it leaves the record alone.
    expect(await store.delete('resp_n', 'key-a')).toBe(false);
    expect(await store.getNative('resp_n', 'key-a')).toEqual(owner);
    clock = RESPONSE_RETENTION_MS + 1;
    expect(await store.getNative('resp_n', 'key-a')).toBeUndefined();
    await store.putNative(owner);
    expect(await store.getNative('resp_n', 'key-a')).toEqual(owner);
  });
});
