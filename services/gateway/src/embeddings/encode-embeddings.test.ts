import { describe, expect, it } from 'vitest';
import { encodeEmbeddings } from './encode-embeddings.js';

describe('encodeEmbeddings', () => {
  it('encodes float vectors as little-endian float32 base64 when asked', () => {
    const body = {
      object: 'list',
      data: [{ object: 'embedding', index: 0, embedding: [0.5, -1, 0.25] }],
    };
    const encoded = encodeEmbeddings(body, 'base64');
    const text = (encoded.data as Array<{ embedding: string }>)[0]?.embedding ?? '';
    const bytes = Buffer.from(text, 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4), bytes.readFloatLE(8)]).toEqual([
      0.5, -1, 0.25,
    ]);
  });

  it('leaves float requests and already encoded vectors alone', () => {
    const body = { data: [{ embedding: 'AAAA' }] };
    expect(encodeEmbeddings(body, 'base64')).toEqual(body);
    const floats = { data: [{ embedding: [1] }] };
    expect(encodeEmbeddings(floats, undefined)).toBe(floats);
  });
});
