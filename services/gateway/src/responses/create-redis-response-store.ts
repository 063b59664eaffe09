import type { Redis } from 'ioredis';
import { z } from 'zod';
import {
  RESPONSE_RETENTION_MS,
  type ResponseStore,
  type StoredResponse,
} from './response-store.js';

const redisKey = (id: string) => `sy:response:v1:${id}`;

/** What is read back: written by this code, still checked (a foreign value reads as absent). */
const storedSchema = z.object({
  id: z.string(),
  ownerKeyId: z.string(),
  response: z.record(z.string(), z.unknown()),
  items: z.array(z.looseObject({ type: z.string() })),
  previousResponseId: z.string().optional(),
});

/**
 * Stored Responses in Redis under `sy:response:v1:<id>`, expiring after the retention, shared
 * by every gateway replica.
 */
export function createRedisResponseStore(redis: Redis): ResponseStore {
  const read = async (id: string, ownerKeyId: string): Promise<StoredResponse | undefined> => {
    const text = await redis.get(redisKey(id));
    if (text === null) return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const parsed = storedSchema.safeParse(json);
    if (!parsed.success || parsed.data.ownerKeyId !== ownerKeyId) return undefined;
    return parsed.data as StoredResponse;
  };
  return {
    get: read,
    async put(stored) {
      await redis.set(redisKey(stored.id), JSON.stringify(stored), 'PX', RESPONSE_RETENTION_MS);
    },
    async delete(id, ownerKeyId) {
      if ((await read(id, ownerKeyId)) === undefined) return false;
      return (await redis.del(redisKey(id))) > 0;
    },
  };
}
