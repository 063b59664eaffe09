import type { Readable } from 'node:stream';

/**
 * Reads a whole upstream body as text, refusing to hold more than `maxBytes` (a misbehaving
 * upstream must not exhaust the gateway's memory). Rejects with the body's error, or with
 * `ERR_STREAM_PREMATURE_CLOSE` when it closes before its end (an abort). Listeners, not
 * `for await`: the async iterator cost ~2 % of a chat request's CPU.
 */
export function readBody(body: Readable, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (body.destroyed || body.readableEnded) {
      reject(body.errored ?? prematureClose());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('close', onClose);
      return true;
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      if (!settle()) return;
      body.destroy();
      reject(new Error(`upstream body larger than ${maxBytes} bytes`));
    };
    const onEnd = (): void => {
      if (!settle()) return;
      try {
        resolve(Buffer.concat(chunks, size).toString('utf8'));
      } catch (error: unknown) {
        reject(error);
      }
    };
    const onError = (error: Error): void => {
      if (settle()) reject(error);
    };
    const onClose = (): void => {
      if (settle()) reject(prematureClose());
    };
    body.on('data', onData);
    body.once('end', onEnd);
    // Stays attached: a body destroyed after the answer may still raise an error.
    body.on('error', onError);
    body.once('close', onClose);
    // Flowing even if paused before: a paused body would never end.
    body.resume();
  });
}

function prematureClose(): Error {
  return Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
}
