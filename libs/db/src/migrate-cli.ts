import { describeError } from './cli/describe-error.js';
import { describeTarget } from './cli/describe-target.js';
import { MIGRATE_USAGE, parseMigrateArguments } from './cli/parse-migrate-arguments.js';
import { runMigrateCommand } from './cli/run-migrate-command.js';
import { createDatabase } from './create-database.js';
import type { Database } from './database.js';
import { waitForDatabase } from './wait-for-database.js';

// The migrate CLI: `node --import tsx libs/db/src/migrate-cli.ts <up|down|status> [...]`.
// Run by the Helm pre-install/pre-upgrade Job, so it waits for the database and fails loudly.

const writeOut = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const writeError = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

async function main(): Promise<number> {
  const parsed = parseMigrateArguments(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    writeError(`migrate: ${parsed.error}\n${MIGRATE_USAGE}`);
    return 2;
  }
  const { command, schemas, target, waitSeconds } = parsed.arguments;
  const where = describeTarget(target);
  let database: Database | undefined;
  try {
    database = createDatabase(
      'url' in target
        ? {
            url: target.url,
            maxConnections: 2,
            // Migrations may rewrite big tables; kysely's lock has its own timeout.
            statementTimeoutMs: 0,
            applicationName: 'switchyard-migrate',
          }
        : { pglite: { dataDir: target.pgliteDataDir } },
    );
    await waitForDatabase(database.db, {
      timeoutMs: waitSeconds * 1_000,
      onRetry: (attempt, error) => {
        if (attempt === 1 || attempt % 10 === 0) {
          writeError(`migrate: waiting for ${where} (attempt ${attempt}): ${describeError(error)}`);
        }
      },
    });
    writeOut(`migrate ${command}: ${where}, schemas ${schemas.join(', ')}`);
    await runMigrateCommand(database.db, command, schemas, writeOut);
    return 0;
  } catch (error: unknown) {
    writeError(`migrate ${command} FAILED on ${where}: ${describeError(error)}`);
    return 1;
  } finally {
    await database?.close();
  }
}

process.exitCode = await main();
