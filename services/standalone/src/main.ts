import { join } from 'node:path';
import { createMemoryBus } from '@switchyard/bus';
import { ConfigError, loadConfig } from '@switchyard/config';
import { createInjectUpstream, registerConsole } from '@switchyard/console';
import { createDatabase } from '@switchyard/db';
import { buildGatewayApp, loadAccessConfig } from '@switchyard/gateway';
import { createMemoryBudgetLedger } from '@switchyard/limits';
import { handleShutdown } from '@switchyard/service-kit';
import { createLogger, startTracing } from '@switchyard/telemetry';
import { formatBanner } from './format-banner.js';
import { resolveMasterKey } from './master-key.js';
import { prepareEmbeddedDatabase, startEmbeddedServices } from './start-embedded-services.js';
import { resolveStoredSecret } from './stored-secret.js';

/**
 * Switchyard in one process with embedded defaults (`pnpm start` on a fresh clone): the gateway,
 * accounting and catalog with their admin APIs and the console (`/console`) on one port, PGlite for Postgres, the in-process
 * bus for NATS and in-memory limits for Redis; secrets generated once into the data directory.
 */
async function main(): Promise<void> {
  const tracing = await startTracing('switchyard', process.env);
  const config = loadConfig({ env: process.env });
  const access = loadAccessConfig(process.env);
  const masterKey = resolveMasterKey(config.masterKey, config.dataDir);
  const pepper = resolveStoredSecret('key-pepper', access.keyPepper, config.dataDir);
  const encryptionKey = resolveStoredSecret(
    'encryption-key',
    process.env.SWITCHYARD_ENCRYPTION_KEY,
    config.dataDir,
  );
  const logger = createLogger({ level: config.logLevel, name: 'switchyard' });
  const database = createDatabase({ pglite: { dataDir: join(config.dataDir, 'pgdata') } });
  const bus = createMemoryBus();
  const budgets = createMemoryBudgetLedger();
  // Migrated in the background: the master key works at once, team keys once this settles.
  const migrated = prepareEmbeddedDatabase(database.db, budgets);
  const { app, readiness, metrics } = buildGatewayApp(
    {
      ...config,
      masterKey: masterKey.key,
      access: { ...access, keyPepper: pepper, encryptionKey },
    },
    { logger, stores: { db: migrated, bus, budgets } },
  );
  const embedded = startEmbeddedServices({
    app,
    db: database.db,
    database: migrated,
    bus,
    budgets,
    config,
    masterKey: masterKey.key,
    pepper,
    encryptionKey,
    catalogSync: process.env.SWITCHYARD_CATALOG_SYNC !== 'off',
    logger,
    registry: metrics.registry,
  });
  // The web console at /console, calling the same public APIs on this server.
  registerConsole(app, { upstream: createInjectUpstream(app) });
  handleShutdown({
    app,
    readiness,
    graceMs: config.server.shutdownGraceMs,
    onClosed: async () => {
      await embedded.stop();
      await bus.close();
      await database.close();
      await tracing.shutdown();
    },
  });
  await app.listen({ host: config.server.host, port: config.server.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.server.port;
  const host =
    config.server.host === '0.0.0.0' || config.server.host === '::'
      ? '127.0.0.1'
      : config.server.host;
  process.stdout.write(
    formatBanner({
      url: `http://${host}:${port}`,
      masterKey: masterKey.key,
      keySource: masterKey.source,
      keyFile: masterKey.file,
      models: config.models.map((model) => model.id),
    }),
  );
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard failed to start:\n${message}\n`);
  process.exit(1);
});
