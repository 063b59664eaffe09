import { ConfigError } from '@switchyard/config';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { handleShutdown } from '@switchyard/service-kit';
import { createLogger, startTracing } from '@switchyard/telemetry';
import { loadAccountingConfig } from './config.js';
import { connectAccountingStores } from './connect-accounting-stores.js';
import { startAccounting } from './start-accounting.js';

/** The accounting service as its own process: migrates its schema, then serves the admin API. */
async function main(): Promise<void> {
  const tracing = await startTracing('switchyard-accounting', process.env);
  const config = loadAccountingConfig(process.env);
  const database = createDatabase({ url: config.databaseUrl });
  await migrateToLatest(database.db, 'accounting');
  const logger = createLogger({ level: config.logLevel, name: 'accounting' });
  const connected = await connectAccountingStores(config);
  const accounting = startAccounting({
    config,
    stores: { db: database.db, ...connected.stores },
    logger,
  });
  await accounting.started;
  handleShutdown({
    app: accounting.app,
    readiness: accounting.readiness,
    graceMs: config.shutdownGraceMs,
    onClosed: async () => {
      await accounting.stop();
      await connected.close();
      await database.close();
      await tracing.shutdown();
    },
  });
  await accounting.app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard accounting failed to start:\n${message}\n`);
  process.exit(1);
});
