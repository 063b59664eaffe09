import type { Bus } from '@switchyard/bus';
import { createDatabase } from '@switchyard/db';
import type { Redis } from 'ioredis';
import type { GatewayStores } from './build-access.js';
import type { GatewayAccessConfig } from './config.js';

/** The stores the gateway's own process connected to, and how to let them go. */
export interface ConnectedGatewayStores {
  stores: GatewayStores;
  close(): Promise<void>;
}

/**
 * Connects what the access settings name: accounting's Postgres, Redis and NATS. Each client
 * is loaded only when configured, so a gateway without them does not pay for their code.
 */
export async function connectGatewayStores(
  access: GatewayAccessConfig | undefined,
): Promise<ConnectedGatewayStores> {
  const database = access?.databaseUrl ? createDatabase({ url: access.databaseUrl }) : undefined;
  const redis = access?.redisUrl ? await connectRedis(access.redisUrl) : undefined;
  const bus = access?.natsUrl ? await connectBus(access.natsUrl, access.natsNamespace) : undefined;
  return {
    stores: {
      ...(database && { db: database.db }),
      ...(redis && { redis }),
      ...(bus && { bus }),
    },
    close: async () => {
      await bus?.close();
      redis?.disconnect();
      await database?.close();
    },
  };
}

async function connectRedis(url: string): Promise<Redis> {
  const { Redis } = await import('ioredis');
  // Commands fail fast while Redis is away (no offline queue), so limits fail open or closed
  // at once instead of requests queueing behind a reconnect.
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  // Connection errors reach the limiter as failed calls, counted and logged once per interval.
  redis.on('error', () => undefined);
  await readyOrLater(redis);
  return redis;
}

async function connectBus(url: string, namespace: string | undefined): Promise<Bus> {
  const { connectNatsBus, withNamespace } = await import('@switchyard/bus');
  const nats = await connectNatsBus({ url, name: 'switchyard-gateway' });
  return namespace ? withNamespace(nats, namespace) : nats;
}

/** Waits briefly for Redis so the first requests are checked; a Redis that is down fails open. */
async function readyOrLater(redis: Redis): Promise<void> {
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
