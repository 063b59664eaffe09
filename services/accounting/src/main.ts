import { connectNatsBus, withNamespace } from '@switchyard/bus';
import { ConfigError } from '@switchyard/config';
import { createDatabase, migrateToLatest } from '@switchyard/db';
import { createRedisBudgetLedger } from '@switchyard/limits';
import { handleShutdown } from '@switchyard/service-kit';
import { createLogger, startTracing } from '@switchyard/telemetry';
import { Redis } from 'ioredis';
import type { AccountingChange } from './admin/accounting-change.js';
import { buildAccountingApp } from './app.js';
import { startBudgetReconciler } from './budgets/start-budget-reconciler.js';
import { loadAccountingConfig } from './config.js';
import { publishKeyChanges } from './keys/publish-key-changes.js';
import { startUsageAccounting } from './usage/start-usage-accounting.js';

/** The accounting service as its own process: migrates its schema, then serves the admin API. */
async function main(): Promise<void> {
  const tracing = await startTracing('switchyard-accounting', process.env);
  const config = loadAccountingConfig(process.env);
  const database = createDatabase({ url: config.databaseUrl });
  await migrateToLatest(database.db, 'accounting');
  const logger = createLogger({ level: config.logLevel, name: 'accounting' });
  const nats = config.natsUrl
    ? await connectNatsBus({ url: config.natsUrl, name: 'switchyard-accounting' })
    : undefined;
  const bus = nats && config.natsNamespace ? withNamespace(nats, config.natsNamespace) : nats;
  // Budget counters live in the gateways' Redis; the ledger here keeps them honest.
  const budgetRedis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : undefined;
  budgetRedis?.on('error', () => undefined);
  const budgets = budgetRedis
    ? startBudgetReconciler({
        db: database.db,
        ledger: createRedisBudgetLedger({ redis: budgetRedis, failMode: 'open' }),
        logger,
        redis: budgetRedis,
      })
    : undefined;
  const publishChange = bus ? publishKeyChanges({ db: database.db, bus, logger }) : undefined;
  // A budget set below what the ledger already holds refuses at once, not a minute later.
  const onChange = async (change: AccountingChange) => {
    await publishChange?.(change);
    await budgets?.reconcile(change);
  };
  const { app, readiness, metrics } = buildAccountingApp(
    {
      db: database.db,
      pepper: config.pepper,
      masterKey: config.masterKey,
      logLevel: config.logLevel,
      bodyLimitBytes: config.bodyLimitBytes,
      headersTimeoutMs: config.headersTimeoutMs,
      bodyTimeoutMs: config.bodyTimeoutMs,
    },
    { logger, onChange },
  );
  // Usage events arrive over NATS only; without it there is nothing to consume.
  const usage = bus
    ? await startUsageAccounting({
        bus,
        db: database.db,
        logger,
        registry: metrics.registry,
        usage: config.usage,
        redisUrl: config.redisUrl,
      })
    : undefined;
  handleShutdown({
    app,
    readiness,
    graceMs: config.shutdownGraceMs,
    onClosed: async () => {
      await budgets?.stop();
      budgetRedis?.disconnect();
      await usage?.stop();
      await bus?.close();
      await database.close();
      await tracing.shutdown();
    },
  });
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard accounting failed to start:\n${message}\n`);
  process.exit(1);
});
