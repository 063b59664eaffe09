import { createHash } from 'node:crypto';

/**
 * A unit-length vector of `dimensions` float32 values derived from SHA-256 of the input, so the
 * same input always embeds the same way and different inputs differ.
 */
export function fakeEmbedding(seed: string, dimensions: number): number[] {
  const raw: number[] = [];
  for (let block = 0; raw.length < dimensions; block += 1) {
    const digest = createHash('sha256').update(`${block}:${seed}`).digest();
    for (let offset = 0; offset + 4 <= digest.length && raw.length < dimensions; offset += 4) {
      raw.push((digest.readUInt32LE(offset) / 0xffffffff) * 2 - 1);
    }
  }
  const norm = Math.sqrt(raw.reduce((sum, value) => sum + value * value, 0)) || 1;
  return raw.map((value) => Math.fround(value / norm));
}

/** OpenAI's `encoding_format: 'base64'`: the vector as little-endian float32 bytes, base64. */
export function encodeFloat32Base64(values: readonly number[]): string {
  const bytes = Buffer.alloc(values.length * 4);
  for (const [index, value] of values.entries()) bytes.writeFloatLE(value, index * 4);
  return bytes.toString('base64');
}
