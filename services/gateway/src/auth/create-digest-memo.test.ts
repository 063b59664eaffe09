import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDigestMemo } from './create-digest-memo.js';

function counted() {
  const digested: string[] = [];
  const memo = createDigestMemo({
    digest: (key) => {
      digested.push(key);
      return createHash('sha256').update(key).digest();
    },
    maxEntries: 3,
    maxKeyChars: 10,
  });
  return { memo, digested };
}

describe('createDigestMemo', () => {
  it('digests a key once it is remembered, as itself', () => {
    const { memo, digested } = counted();
    const first = memo.digest('key-a');
    expect(first.hex).toBe(createHash('sha256').update('key-a').digest('hex'));
    expect(first.bytes.toString('hex')).toBe(first.hex);
    expect(memo.digest('key-a')).not.toBe(first);
    memo.remember('key-a', first);
    expect(memo.digest('key-a')).toBe(first);
    expect(memo.digest('key-b').hex).toBe(createHash('sha256').update('key-b').digest('hex'));
    expect(digested).toEqual(['key-a', 'key-a', 'key-b']);
  });

  it('keeps at most its bound, forgetting the first remembered, and no long key', () => {
    const { memo, digested } = counted();
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) memo.remember(key, memo.digest(key));
    expect(memo.size()).toBe(3);
    digested.length = 0;
    for (const key of ['k1', 'k2', 'k3', 'k4', 'k5']) memo.digest(key);
    expect(digested).toEqual(['k1', 'k2']);
    const long = 'k'.repeat(11);
    memo.remember(long, memo.digest(long));
    expect(memo.size()).toBe(3);
    memo.digest(long);
    expect(digested).toEqual(['k1', 'k2', long, long]);
  });
});
