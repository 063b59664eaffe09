import { describe, expect, it } from 'vitest';
import { createPendingSignIns } from './pending-sign-ins.js';

const signIn = { state: 's', nonce: 'n', codeVerifier: 'v' };

describe('createPendingSignIns', () => {
  it('hands each sign-in out once, and none after its time', () => {
    let clock = 0;
    const pending = createPendingSignIns({ ttlMs: 1_000, now: () => clock });
    const first = pending.add(signIn);
    const second = pending.add(signIn);
    expect(first).not.toBe(second);
    expect(pending.take(first)).toMatchObject(signIn);
    expect(pending.take(first)).toBeUndefined();
    clock = 1_000;
    expect(pending.take(second)).toBeUndefined();
    expect(pending.take('unknown')).toBeUndefined();
  });

  it('drops the oldest past its cap', () => {
    const pending = createPendingSignIns({ max: 2 });
    const ids = [pending.add(signIn), pending.add(signIn), pending.add(signIn)];
    expect(pending.take(ids[0] ?? '')).toBeUndefined();
    expect(pending.take(ids[2] ?? '')).toBeDefined();
  });
});
