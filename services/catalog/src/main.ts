import { connectNatsBus, withNamespace } from '@switchyard/bus';
import { ConfigError, loadConfig } from '@switchyard/config';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { handleShutdown } from '@switchyard/service-kit';
import { startTracing } from '@switchyard/telemetry';
import { loadCatalogConfig } from './config.js';
import { startCatalog } from './start-catalog.js';

/**
 * The catalog service as its own process: migrates its schema, serves the admin API, and syncs
 * on a BullMQ repeatable job (one run at a time across replicas), publishing to NATS KV.
 */
async function main(): Promise<void> {
  const tracing = await startTracing('switchyard-catalog', process.env);
  const config = loadCatalogConfig(process.env);
  // Providers (with credentials) and models of switchyard.yaml and the environment.
  const shared = loadConfig({ env: process.env });
  const database = createDatabase({ url: config.databaseUrl });
  await migrateToLatest(database.db, 'catalog');
  const nats = await connectNatsBus({
    url: config.natsUrl,
    name: 'switchyard-catalog',
    waitOnFirstConnect: true,
  });
  const bus = config.natsNamespace ? withNamespace(nats, config.natsNamespace) : nats;
  const catalog = startCatalog({
    config: { ...config, providers: shared.providers, models: shared.models },
    stores: { db: database.db, bus },
    // A new job scheduler runs at once, so a fresh install does not wait a whole interval.
    sync: { redisUrl: config.redisUrl, intervalMs: config.syncIntervalMs },
  });
  await catalog.started;
  handleShutdown({
    app: catalog.app,
    readiness: catalog.readiness,
    graceMs: config.shutdownGraceMs,
    onClosed: async () => {
      await catalog.stop();
      await bus.close();
      await database.close();
      await tracing.shutdown();
    },
  });
  await catalog.app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard catalog failed to start:\n${message}\n`);
  process.exit(1);
});
