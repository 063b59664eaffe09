import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeEmbedding } from '../fake-upstream/fake-embedding.js';
import { type FakeOpenAI, startFakeOpenAI } from './start-fake-openai.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake.close();
});

function embed(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${fake.url}/embeddings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

interface EmbeddingList {
  data: { object: string; index: number; embedding: number[] | string }[];
}

describe('POST /v1/embeddings', () => {
  it('returns OpenAI’s list with one deterministic unit vector per input', async () => {
    const response = await embed({
      model: 'text-embedding-3-small',
      input: ['hello world', 'bye'],
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as EmbeddingList;
    expect(body).toMatchObject({
      object: 'list',
      model: 'text-embedding-3-small',
      usage: { prompt_tokens: 3, total_tokens: 3 },
    });
    expect(body.data.map((item) => [item.object, item.index])).toEqual([
      ['embedding', 0],
      ['embedding', 1],
    ]);
    const first = body.data[0]?.embedding as number[];
    expect(first).toHaveLength(8);
    expect(first).toEqual(fakeEmbedding('hello world', 8));
    expect(Math.hypot(...first)).toBeCloseTo(1, 5);
    expect(body.data[1]?.embedding).not.toEqual(first);
  });

  it('honours dimensions and counts token arrays by length', async () => {
    const response = await embed({ model: 'm', input: [[1, 2, 3], [4]], dimensions: 20 });
    const body = (await response.json()) as EmbeddingList & { usage: unknown };
    expect(body.data[0]?.embedding).toHaveLength(20);
    expect(body.usage).toEqual({ prompt_tokens: 4, total_tokens: 4 });
  });

  it('encodes base64 as little-endian float32', async () => {
    const response = await embed({ model: 'm', input: 'hello world', encoding_format: 'base64' });
    const body = (await response.json()) as EmbeddingList;
    const encoded = body.data[0]?.embedding;
    expect(typeof encoded).toBe('string');
    const bytes = Buffer.from(String(encoded), 'base64');
    const decoded = Array.from({ length: bytes.length / 4 }, (_, index) =>
      bytes.readFloatLE(index * 4),
    );
    expect(decoded).toEqual(fakeEmbedding('hello world', 8));
  });

  it('applies error scenarios', async () => {
    const response = await embed({ model: 'error-503', input: 'x' });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { type: 'server_error' } });
  });

  it('rejects an invalid input with OpenAI’s 400', async () => {
    const response = await embed({ model: 'm', input: [{}] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});
