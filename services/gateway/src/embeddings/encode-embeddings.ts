/**
 * Re-encodes float vectors of an OpenAI embeddings body as base64 (little-endian float32, what
 * OpenAI returns for `encoding_format: "base64"`), for adapters that translate from providers
 * that only send floats. Vectors already encoded are left alone.
 */
export function encodeEmbeddings(
  body: Record<string, unknown>,
  format: 'float' | 'base64' | undefined,
): Record<string, unknown> {
  if (format !== 'base64' || !Array.isArray(body.data)) return body;
  const data = body.data.map((item: unknown) => {
    if (
      typeof item !== 'object' ||
      item === null ||
      !('embedding' in item) ||
      !Array.isArray(item.embedding)
    )
      return item;
    const floats = Float32Array.from(item.embedding as number[]);
    return {
      ...item,
      embedding: Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength).toString(
        'base64',
      ),
    };
  });
  return { ...body, data };
}
