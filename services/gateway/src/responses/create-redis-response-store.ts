import type { Redis } from 'ioredis';
import { z } from 'zod';
import {
  type NativeResponseOwner,
  RESPONSE_RETENTION_MS,
  type ResponseStore,
  type StoredResponse,
} from './response-store.js';

const redisKey = (id: string) => `sy:response:v1:${id}`;
const ownerKey = (id: string) => `sy:response-owner:v1:${id}`;

/** What is read back: written by this code, still checked (a foreign value reads as absent). */
const storedSchema = z.object({
  id: z.string(),
  ownerKeyId: z.string(),
  response: z.record(z.string(), z.unknown()),
  items: z.array(z.looseObject({ type: z.string() })),
  previousResponseId: z.string().optional(),
});
const ownerSchema = z.object({ id: z.string(), ownerKeyId: z.string(), provider: z.string() });

/**
 * Stored Responses in Redis under `sy:response:v1:<id>`, and the owners of those an upstream
 * stored under `sy:response-owner:v1:<id>`, each expiring after the retention, shared by every
 * gateway replica.
 */
export function createRedisResponseStore(redis: Redis): ResponseStore {
  const readOwned = async <Value extends { ownerKeyId: string }>(
    key: string,
    schema: z.ZodType<Value>,
    ownerKeyId: string,
  ): Promise<Value | undefined> => {
    const text = await redis.get(key);
    if (text === null) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success || parsed.data.ownerKeyId !== ownerKeyId) return undefined;
    return parsed.data;
  };
  const read = async (id: string, ownerKeyId: string) =>
    (await readOwned(redisKey(id), storedSchema, ownerKeyId)) as StoredResponse | undefined;
  return {
    get: read,
    async put(stored) {
      await redis.set(redisKey(stored.id), JSON.stringify(stored), 'PX', RESPONSE_RETENTION_MS);
    },
    async delete(id, ownerKeyId) {
      if ((await read(id, ownerKeyId)) === undefined) return false;
      return (await redis.del(redisKey(id))) > 0;
    },
    getNative: (id, ownerKeyId): Promise<NativeResponseOwner | undefined> =>
      readOwned(ownerKey(id), ownerSchema, ownerKeyId),
    async putNative(owner) {
      const { id, ownerKeyId, provider } = owner;
      const value = JSON.stringify({ id, ownerKeyId, provider });
      await redis.set(ownerKey(id), value, 'PX', RESPONSE_RETENTION_MS);
    },
  };
}
