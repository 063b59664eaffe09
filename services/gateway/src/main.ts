import { ConfigError } from '@switchyard/config';
import { handleShutdown } from '@switchyard/service-kit';
import { startTracing } from '@switchyard/telemetry';
import { buildGatewayApp } from './app.js';
import { loadGatewayConfig } from './config.js';

/** The gateway as its own process (distributed mode). */
async function main(): Promise<void> {
  const tracing = await startTracing('switchyard-gateway', process.env);
  const config = loadGatewayConfig(process.env);
  const { app, readiness } = buildGatewayApp(config);
  handleShutdown({
    app,
    readiness,
    graceMs: config.server.shutdownGraceMs,
    onClosed: () => tracing.shutdown(),
  });
  await app.listen({ host: config.server.host, port: config.server.port });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard gateway failed to start:\n${message}\n`);
  process.exit(1);
});
