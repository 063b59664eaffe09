import { EventEmitter } from 'node:events';
import type { FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { requestSignals } from './request-signals.js';

/** The parts of a response the signals read: a 'close' event, `destroyed`, `writableFinished`. */
function fakeReply(state: { destroyed: boolean; writableFinished: boolean }) {
  const raw = Object.assign(new EventEmitter(), state);
  return { raw, reply: { raw } as unknown as FastifyReply };
}

describe('requestSignals', () => {
  it('aborts at once for a client that left before the upstream work began', () => {
    // Its 'close' fired during authentication or admission, before anyone listened.
    const { reply } = fakeReply({ destroyed: true, writableFinished: false });
    const signals = requestSignals(reply, 60_000);
    expect(signals.deadline.aborted).toBe(true);
    expect(signals.clientClosed()).toBe(true);
  });

  it('aborts when the client leaves while the upstream works', () => {
    const { raw, reply } = fakeReply({ destroyed: false, writableFinished: false });
    const signals = requestSignals(reply, 60_000);
    expect(signals.deadline.aborted).toBe(false);
    raw.destroyed = true;
    raw.emit('close');
    expect(signals.deadline.aborted).toBe(true);
    expect(signals.clientClosed()).toBe(true);
  });

  it('is not a client that left once the response went out whole', () => {
    const { raw, reply } = fakeReply({ destroyed: false, writableFinished: false });
    const signals = requestSignals(reply, 60_000);
    raw.writableFinished = true;
    raw.emit('close');
    expect(signals.deadline.aborted).toBe(false);
    expect(signals.clientClosed()).toBe(false);
  });

  it('aborts when the deadline passes, not as a client that left', async () => {
    const { reply } = fakeReply({ destroyed: false, writableFinished: false });
    const signals = requestSignals(reply, 5);
    await new Promise<void>((resolve) => signals.deadline.addEventListener('abort', resolve));
    expect(signals.clientClosed()).toBe(false);
  });
});
