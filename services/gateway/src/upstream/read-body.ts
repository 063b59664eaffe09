import type { Readable } from 'node:stream';

/**
 * Reads a whole upstream body as text, refusing to hold more than `maxBytes` (a misbehaving
 * upstream must not exhaust the gateway's memory).
 */
export async function readBody(
  body: Readable & AsyncIterable<Buffer>,
  maxBytes: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      throw new Error(`upstream body larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
