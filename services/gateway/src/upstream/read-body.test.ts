import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBody } from './read-body.js';

describe('readBody', () => {
  it('joins the chunks, a character split across two of them included', async () => {
    const euro = Buffer.from('€');
    const body = Readable.from([
      Buffer.from('{"a":"'),
      euro.subarray(0, 1),
      euro.subarray(1),
      Buffer.from('"}'),
    ]);
    expect(await readBody(body, 1024)).toBe('{"a":"€"}');
  });

  it('reads an empty body as an empty string', async () => {
    expect(await readBody(Readable.from([]), 1024)).toBe('');
  });

  it('refuses a body past the limit and destroys it, so the upstream call stops', async () => {
    const body = new PassThrough();
    const read = readBody(body, 10);
    body.write(Buffer.alloc(6));
    body.write(Buffer.alloc(6));
    await expect(read).rejects.toThrow('upstream body larger than 10 bytes');
    expect(body.destroyed).toBe(true);
  });

  it('rejects with the error the body failed with', async () => {
    const body = new PassThrough();
    const read = readBody(body, 1024);
    body.write('{"partial":');
    const failure = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    body.destroy(failure);
    await expect(read).rejects.toBe(failure);
  });

  it('rejects when the body closes before its end, as an abort does', async () => {
    const body = new PassThrough();
    const read = readBody(body, 1024);
    body.write('{"partial":');
    body.destroy();
    await expect(read).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
  });

  it('rejects a body destroyed or read to its end before it is read', async () => {
    const failure = new Error('reset');
    const failed = new PassThrough();
    failed.on('error', () => undefined);
    failed.destroy(failure);
    await expect(readBody(failed, 1024)).rejects.toBe(failure);
    const consumed = Readable.from([Buffer.from('{}')]);
    await readBody(consumed, 1024);
    await expect(readBody(consumed, 1024)).rejects.toMatchObject({
      code: 'ERR_STREAM_PREMATURE_CLOSE',
    });
  });

  it('survives an error the body raises after it was read', async () => {
    const body = new PassThrough({ autoDestroy: false });
    const read = readBody(body, 1024);
    body.end('{}');
    expect(await read).toBe('{}');
    // Without a listener left on it, this error would take the process down.
    body.destroy(new Error('late failure'));
    await new Promise((resolve) => body.once('close', resolve));
    expect(body.destroyed).toBe(true);
  });

  it('reads a body that was paused before', async () => {
    const body = new PassThrough();
    body.pause();
    const read = readBody(body, 1024);
    body.end('{"ok":true}');
    expect(await read).toBe('{"ok":true}');
  });
});
