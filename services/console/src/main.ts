import { ConfigError } from '@switchyard/config';
import { handleShutdown } from '@switchyard/service-kit';
import { createLogger } from '@switchyard/telemetry';
import { loadConsoleConfig } from './config.js';
import { startConsole } from './start-console.js';

/** The console as its own process: the web UI over the admin API at the configured URLs. */
async function main(): Promise<void> {
  const config = loadConsoleConfig(process.env);
  const logger = createLogger({ level: config.logLevel, name: 'console' });
  const { app, readiness } = startConsole({ config, logger });
  handleShutdown({ app, readiness, graceMs: config.shutdownGraceMs });
  await app.listen({ host: config.host, port: config.port });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard console failed to start:\n${message}\n`);
  process.exit(1);
});
