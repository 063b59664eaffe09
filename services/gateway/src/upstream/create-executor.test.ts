import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectGarbage, isCollected } from '@switchyard/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createExecutor, type UpstreamCall } from './create-executor.js';
import { RequestDeadline } from './request-deadline.js';

describe('createExecutor', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  it('keeps nothing of the request it sent on the heap while the answer streams', async () => {
    const held: ServerResponse[] = [];
    const server = createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {}\n\n');
      held.push(response);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const executor = createExecutor(
      { connectTimeoutMs: 5_000, firstByteTimeoutMs: 5_000, idleTimeoutMs: 5_000 },
      4,
    );
    closers.push(async () => {
      for (const response of held) response.end();
      await executor.close();
      server.close();
    });
    const bodyChars = 8 * 2 ** 20;

    // Built in a function of its own, so this test's frame holds only the weak reference.
    const send = async (): Promise<{ sent: WeakRef<object>; response: unknown }> => {
      const call: UpstreamCall = {
        request: {
          url: `http://127.0.0.1:${port}/v1/chat/completions`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(bodyChars) }] }),
        },
        provider: 'fake',
        upstreamModel: 'gpt-test',
        operation: 'chat',
        deadline: new RequestDeadline(),
        clientClosed: () => false,
      };
      const response = await executor.send(call);
      return { sent: new WeakRef(call), response };
    };
    await collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const { sent, response } = await send();
    // The answer is still streaming (the response is in hand, its body open): neither the call
    // nor its body's text is kept (a coding agent's ~120 KB turn, for as long as it streams).
    expect(await isCollected(sent)).toBe(true);
    await collectGarbage();
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(bodyChars / 2);
    expect(held).toHaveLength(1);
    expect(response).toBeDefined();
  });
});
