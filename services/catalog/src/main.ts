import { connectNatsBus, withNamespace } from '@switchyard/bus';
import { ConfigError, createEncryptionKeyring, loadConfig } from '@switchyard/config';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { handleShutdown } from '@switchyard/service-kit';
import { startTracing } from '@switchyard/telemetry';
import { buildCatalogApp } from './app.js';
import { loadCatalogConfig } from './config.js';
import { runCatalogSync } from './sync/run-catalog-sync.js';
import { startSyncScheduler } from './sync/start-sync-scheduler.js';

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
  let enqueue: (trigger: string) => Promise<string> = () => Promise.reject(new Error('starting'));
  const catalog = buildCatalogApp(
    {
      db: database.db,
      bus,
      masterKey: config.masterKey,
      pepper: config.pepper,
      keyring: createEncryptionKeyring(config.encryptionKey, config.previousEncryptionKeys),
      logLevel: config.logLevel,
      bodyLimitBytes: config.bodyLimitBytes,
      headersTimeoutMs: config.headersTimeoutMs,
      bodyTimeoutMs: config.bodyTimeoutMs,
      config: shared,
      openRouterCatalogUrl: config.openRouterCatalogUrl,
      fetchTimeoutMs: config.fetchTimeoutMs,
    },
    { enqueueSync: (trigger) => enqueue(trigger) },
  );
  const scheduler = await startSyncScheduler({
    redisUrl: config.redisUrl,
    db: database.db,
    intervalMs: config.syncIntervalMs,
    run: (runId, trigger) =>
      runCatalogSync(catalog.syncDeps, { ...(runId !== undefined && { runId }), trigger }),
    logger: catalog.app.log,
  });
  // A new job scheduler runs at once, so a fresh install does not wait a whole interval.
  enqueue = (trigger) => scheduler.enqueue(trigger);
  handleShutdown({
    app: catalog.app,
    readiness: catalog.readiness,
    graceMs: config.shutdownGraceMs,
    onClosed: async () => {
      await scheduler.close();
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
