import type { Bus } from '@switchyard/bus';
import { createDatabase } from '@switchyard/db';
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
  const redisUrl = access?.redisUrl;
  const redis = redisUrl
    ? await (await import('./connect-redis.js')).connectRedis(redisUrl)
    : undefined;
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

async function connectBus(url: string, namespace: string | undefined): Promise<Bus> {
  const { connectNatsBus, withNamespace } = await import('@switchyard/bus');
  const nats = await connectNatsBus({ url, name: 'switchyard-gateway' });
  return namespace ? withNamespace(nats, namespace) : nats;
}
