import { join } from 'node:path';
import { createMemoryBus } from '@switchyard/bus';
import { ConfigError } from '@switchyard/config';
import { createDatabase } from '@switchyard/db';
import { applyServingV8Flags, startGateway } from '@switchyard/gateway';
import { createMemoryBudgetLedger } from '@switchyard/limits';
import { handleShutdown } from '@switchyard/service-kit';
import { createLogger, startTracing } from '@switchyard/telemetry';
import { loadStandaloneConfig } from './config.js';
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
  applyServingV8Flags();
  const tracing = await startTracing('switchyard', process.env);
  const standalone = loadStandaloneConfig(process.env);
  const { shared: config, access } = standalone;
  const masterKey = resolveMasterKey(config.masterKey, config.dataDir);
  const pepper = resolveStoredSecret('key-pepper', access.keyPepper, config.dataDir);
  const encryptionKey = resolveStoredSecret('encryption-key', access.encryptionKey, config.dataDir);
  const logger = createLogger({ level: config.logLevel, name: 'switchyard' });
  const graceMs = config.server.shutdownGraceMs;
  // PGlite runs in its own thread; a shutdown during its start stops it where it stands rather
  // than waiting out the start (the drain must end within the grace period).
  const database = createDatabase({
    pglite: {
      dataDir: join(config.dataDir, 'pgdata'),
      closeTimeoutMs: Math.min(5_000, graceMs / 2),
    },
  });
  // Usage events leave memory once the embedded accounting wrote them (a stream kept 7 days of
  // them in the heap before).
  const bus = createMemoryBus({ dropAcknowledged: true });
  const budgets = createMemoryBudgetLedger();
  let abandonStart: (reason: Error) => void = () => undefined;
  const shuttingDown = new Promise<never>((_resolve, reject) => {
    abandonStart = reject;
  });
  shuttingDown.catch(() => undefined);
  // Migrated in the background: the master key works at once, team keys once this settles (or
  // fails at once on a shutdown, so nothing waits for a start that will not be used).
  const migrated = Promise.race([prepareEmbeddedDatabase(database.db, budgets), shuttingDown]);
  const gateway = startGateway({
    config: {
      ...config,
      masterKey: masterKey.key,
      access: { ...access, keyPepper: pepper, encryptionKey },
    },
    stores: { db: migrated, bus, budgets },
    logger,
  });
  const { app, readiness, endInFlight } = gateway;
  const embedded = startEmbeddedServices({
    gateway,
    db: database.db,
    database: migrated,
    bus,
    budgets,
    config: standalone,
    masterKey: masterKey.key,
    pepper,
    encryptionKey,
    logger,
  });
  handleShutdown({
    app,
    readiness,
    graceMs,
    onGraceOver: endInFlight,
    onSignal: () => abandonStart(new Error('shutting down before the embedded database started')),
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
