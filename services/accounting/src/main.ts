import { connectNatsBus } from '@switchyard/bus';
import { ConfigError } from '@switchyard/config';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { handleShutdown } from '@switchyard/service-kit';
import { createLogger } from '@switchyard/telemetry';
import { buildAccountingApp } from './app.js';
import { loadAccountingConfig } from './config.js';
import { publishKeyChanges } from './keys/publish-key-changes.js';

/** The accounting service as its own process: migrates its schema, then serves the admin API. */
async function main(): Promise<void> {
  const config = loadAccountingConfig(process.env);
  const database = createDatabase({ url: config.databaseUrl });
  await migrateToLatest(database.db, 'accounting');
  const logger = createLogger({ level: config.logLevel, name: 'accounting' });
  const bus = config.natsUrl
    ? await connectNatsBus({ url: config.natsUrl, name: 'switchyard-accounting' })
    : undefined;
  const { app, readiness } = buildAccountingApp(
    {
      db: database.db,
      pepper: config.pepper,
      masterKey: config.masterKey,
      logLevel: config.logLevel,
      bodyLimitBytes: config.bodyLimitBytes,
    },
    {
      logger,
      ...(bus && { onChange: publishKeyChanges({ db: database.db, bus, logger }) }),
    },
  );
  handleShutdown({
    app,
    readiness,
    graceMs: config.shutdownGraceMs,
    onClosed: async () => {
      await bus?.close();
      await database.close();
    },
  });
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard accounting failed to start:\n${message}\n`);
  process.exit(1);
});
