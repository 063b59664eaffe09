import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { RequestDeadline } from './request-deadline.js';

describe('RequestDeadline', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('tells each listener once, and not the ones removed', () => {
    const deadline = new RequestDeadline();
    const heard: string[] = [];
    const removed = () => heard.push('removed');
    deadline.addEventListener('abort', () => heard.push('first'));
    deadline.addEventListener('abort', removed);
    deadline.addEventListener('abort', () => heard.push('last'));
    deadline.removeEventListener('abort', removed);
    const reason = new Error('request deadline passed');
    deadline.abort(reason);
    deadline.abort(new Error('again'));
    expect(heard).toEqual(['first', 'last']);
    expect(deadline.aborted).toBe(true);
    expect(deadline.reason).toBe(reason);
  });

  it('gives a real AbortSignal that aborts with it, made before or after', () => {
    const before = new RequestDeadline();
    const signal = before.signal;
    expect(signal).toBeInstanceOf(AbortSignal);
    expect(before.signal).toBe(signal);
    expect(signal.aborted).toBe(false);
    before.abort(new Error('client closed the connection'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('client closed the connection');

    const after = new RequestDeadline();
    after.abort(new Error('request deadline passed'));
    expect(after.signal.aborted).toBe(true);
  });

  it('is let go by undici once a request ends, and aborts one in flight', async () => {
    // An upstream that answers `/done` and never answers anything else.
    const server = createServer((request, response) => {
      if (request.url === '/done') response.end('{}');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    closers.push(async () => {
      server.closeAllConnections();
      server.close();
    });
    const pool = new Pool(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    closers.push(() => pool.destroy());
    const finished = new RequestDeadline();
    const done = await pool.request({
      path: '/done',
      method: 'GET',
      signal: finished as unknown as AbortSignal,
    });
    await done.body.text();
    if (!done.body.closed) await once(done.body, 'close');
    // undici removes its listener when the response body closes: the deadline holds none.
    expect(Reflect.get(finished, 'listeners')).toEqual([]);

    const deadline = new RequestDeadline();
    const pending = pool.request({
      path: '/v1/chat/completions',
      method: 'POST',
      body: '{}',
      signal: deadline as unknown as AbortSignal,
    });
    await sleep(20);
    deadline.abort(new Error('request deadline passed'));
    await expect(pending).rejects.toThrow('request deadline passed');
  });
});
