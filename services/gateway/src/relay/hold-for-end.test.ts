import { createServer, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { holdForEnd } from './hold-for-end.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/**
 * A real server whose handler writes a first event, then (a turn later) runs `last`; the raw
 * bytes a keep-alive client reads for two requests, and the socket writes of the last part.
 */
async function serve(last: (response: ServerResponse, count: () => void) => void) {
  const writes: number[] = [];
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: first\n\n');
    setTimeout(() => {
      // Every write the socket makes: one `_write` or `_writev` call each.
      type Write = (this: Socket, ...args: unknown[]) => unknown;
      const socket = response.socket as Socket & Record<'_write' | '_writev', Write>;
      let calls = 0;
      for (const method of ['_write', '_writev'] as const) {
        const original = socket[method];
        socket[method] = function (this: Socket, ...args: unknown[]) {
          calls += 1;
          return original.apply(this, args);
        };
      }
      last(response, () => writes.push(calls));
    }, 5);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => server.close());
  const { port } = server.address() as { port: number };
  const client = connect(port, '127.0.0.1');
  closers.push(() => client.destroy());
  let raw = '';
  client.on('data', (chunk: Buffer) => {
    raw += chunk.toString();
  });
  const request = 'GET / HTTP/1.1\r\nHost: x\r\n\r\n';
  client.write(request);
  const read = async (until: (text: string) => boolean) => {
    for (let waited = 0; !until(raw) && waited < 2_000; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return raw;
  };
  return { client, request, read, writes };
}

const bodyOf = (raw: string) =>
  raw
    .split('HTTP/1.1 200 OK')
    .filter((part) => part !== '')
    .map((part) => part.slice(part.indexOf('\r\n\r\n') + 4));

describe('holdForEnd', () => {
  it('sends the last events and the chunked end in one write, in order, on a reused connection', async () => {
    const { client, request, read, writes } = await serve((response, count) => {
      holdForEnd(response);
      response.write('data: last\n\n');
      // As a relay's end comes: on a later tick than the upstream's last bytes.
      process.nextTick(() => {
        response.end();
        count();
      });
    });
    await read((raw) => raw.endsWith('0\r\n\r\n'));
    client.write(request);
    const raw = await read((text) => bodyOf(text).length === 2 && text.endsWith('0\r\n\r\n'));
    const expected = 'd\r\ndata: first\n\n\r\nc\r\ndata: last\n\n\r\n0\r\n\r\n';
    expect(bodyOf(raw)).toEqual([expected, expected]);
    expect(writes).toEqual([1, 1]);
  });

  it('lets the last events go on the next turn when the end is slow to come', async () => {
    const { read } = await serve((response) => {
      holdForEnd(response);
      response.write('data: last\n\n');
      setTimeout(() => response.end(), 200);
    });
    const raw = await read((text) => text.includes('data: last'));
    // Held until the end, the last event would only come with it.
    expect(raw.endsWith('0\r\n\r\n')).toBe(false);
    expect((await read((text) => text.endsWith('0\r\n\r\n'))).endsWith('0\r\n\r\n')).toBe(true);
  });
});
