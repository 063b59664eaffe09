import { type Bus, connectNatsBus, withNamespace } from '@switchyard/bus';
import { ConfigError } from '@switchyard/config';
import { createDatabase, type Database } from '@switchyard/db';
import { handleShutdown } from '@switchyard/service-kit';
import { startTracing } from '@switchyard/telemetry';
import { Redis } from 'ioredis';
import { buildGatewayApp } from './app.js';
import { loadGatewayConfig } from './config.js';

/** The gateway as its own process (distributed mode). */
async function main(): Promise<void> {
  const tracing = await startTracing('switchyard-gateway', process.env);
  const config = loadGatewayConfig(process.env);
  const access = config.access;
  const database: Database | undefined = access?.databaseUrl
    ? createDatabase({ url: access.databaseUrl })
    : undefined;
  // Commands fail fast while Redis is away (no offline queue), so limits fail open or closed
  // at once instead of requests queueing behind a reconnect.
  const redis = access?.redisUrl
    ? new Redis(access.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : undefined;
  // Connection errors reach the limiter as failed calls, counted and logged once per interval.
  redis?.on('error', () => undefined);
  if (redis) await readyOrLater(redis);
  const nats = access?.natsUrl
    ? await connectNatsBus({ url: access.natsUrl, name: 'switchyard-gateway' })
    : undefined;
  const bus: Bus | undefined =
    nats && access?.natsNamespace ? withNamespace(nats, access.natsNamespace) : nats;
  const { app, readiness, endInFlight } = buildGatewayApp(config, {
    stores: {
      ...(database && { db: database.db }),
      ...(redis && { redis }),
      ...(bus && { bus }),
    },
  });
  handleShutdown({
    app,
    readiness,
    graceMs: config.server.shutdownGraceMs,
    onGraceOver: endInFlight,
    onClosed: async () => {
      await bus?.close();
      redis?.disconnect();
      await database?.close();
      await tracing.shutdown();
    },
  });
  await app.listen({ host: config.server.host, port: config.server.port });
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

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard gateway failed to start:\n${message}\n`);
  process.exit(1);
});
