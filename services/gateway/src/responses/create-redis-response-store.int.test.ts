import { randomBytes } from 'node:crypto';
import { useRedis } from '@switchyard/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisResponseStore } from './create-redis-response-store.js';
import { RESPONSE_RETENTION_MS, type StoredResponse } from './response-store.js';

let redis: Redis;

beforeAll(async () => {
  redis = new Redis((await useRedis()).url, { maxRetriesPerRequest: 1 });
});
afterAll(() => redis?.disconnect());

const stored = (owner: string): StoredResponse => ({
  id: `resp_${randomBytes(16).toString('hex')}`,
  ownerKeyId: owner,
  response: { id: 'x', object: 'response', output: [] },
  items: [{ type: 'message', role: 'user', content: 'hi' }],
  previousResponseId: 'resp_before',
});

describe('createRedisResponseStore', () => {
  it('keeps a Response for the retention, readable and deletable by its owner only', async () => {
    const store = createRedisResponseStore(redis);
    const response = stored('key-a');
    await store.put(response);
    const ttl = await redis.pttl(`sy:response:v1:${response.id}`);
    expect(ttl).toBeGreaterThan(RESPONSE_RETENTION_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(RESPONSE_RETENTION_MS);

    expect(await store.get(response.id, 'key-a')).toEqual(response);
    expect(await store.get(response.id, 'key-b')).toBeUndefined();
    expect(await store.delete(response.id, 'key-b')).toBe(false);
    expect(await store.get(response.id, 'key-a')).toEqual(response);
    expect(await store.delete(response.id, 'key-a')).toBe(true);
    expect(await store.get(response.id, 'key-a')).toBeUndefined();
    expect(await store.delete(response.id, 'key-a')).toBe(false);
  });

  it('reads a value that is not a stored Response as absent', async () => {
    const store = createRedisResponseStore(redis);
    const id = `resp_${randomBytes(16).toString('hex')}`;
    await redis.set(`sy:response:v1:${id}`, 'not json', 'PX', 60_000);
    expect(await store.get(id, 'key-a')).toBeUndefined();
    await redis.set(`sy:response:v1:${id}`, '{"id":1}', 'PX', 60_000);
    expect(await store.get(id, 'key-a')).toBeUndefined();
  });

  it('records the owner of a Response an upstream stored, for the retention, for its key only', async () => {
    const store = createRedisResponseStore(redis);
    const id = `resp_${randomBytes(16).toString('hex')}`;
    const owner = { id, ownerKeyId: 'key-a', provider: 'openai' };
    await store.putNative(owner);
    const ttl = await redis.pttl(`sy:response-owner:v1:${id}`);
    expect(ttl).toBeGreaterThan(RESPONSE_RETENTION_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(RESPONSE_RETENTION_MS);
    // Not a stored Response: nothing of it is readable as one.
    expect(await store.get(id, 'key-a')).toBeUndefined();

    expect(await store.getNative(id, 'key-a')).toEqual(owner);
    expect(await store.getNative(id, 'key-b')).toBeUndefined();
    // Not a stored Response: DELETE of it leaves the record alone.
    expect(await store.delete(id, 'key-a')).toBe(false);
    expect(await store.getNative(id, 'key-a')).toEqual(owner);
    await redis.set(`sy:response-owner:v1:${id}`, '{"id":1}', 'PX', 60_000);
    expect(await store.getNative(id, 'key-a')).toBeUndefined();
  });
});
