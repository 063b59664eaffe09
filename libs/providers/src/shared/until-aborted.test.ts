import { describe, expect, it } from 'vitest';
import { untilAborted } from './until-aborted.js';

describe('untilAborted', () => {
  it('passes the result or the failure through while the signal is live', async () => {
    const live = new AbortController().signal;
    expect(await untilAborted(Promise.resolve('token'), live)).toBe('token');
    await expect(untilAborted(Promise.reject(new Error('refused')), live)).rejects.toThrow(
      'refused',
    );
  });

  it('stops waiting as soon as the signal aborts, or at once when it already has', async () => {
    const controller = new AbortController();
    const never = new Promise<string>(() => {});
    const waiting = untilAborted(never, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'token_fetch_aborted', retryable: true });
    await expect(untilAborted(never, controller.signal)).rejects.toMatchObject({
      code: 'token_fetch_aborted',
    });
  });
});
