import { ConfigError, loadConfig } from '@switchyard/config';
import { buildGatewayApp } from '@switchyard/gateway';
import { handleShutdown } from '@switchyard/service-kit';
import { startTracing } from '@switchyard/telemetry';
import { formatBanner } from './format-banner.js';
import { resolveMasterKey } from './master-key.js';

/**
 * Switchyard in one process with embedded defaults: `pnpm start` on a fresh clone. Later issues
 * mount the catalog, accounting and admin API on the same instance.
 */
async function main(): Promise<void> {
  const tracing = await startTracing('switchyard', process.env);
  const config = loadConfig({ env: process.env });
  const masterKey = resolveMasterKey(config.masterKey, config.dataDir);
  const { app, readiness } = buildGatewayApp({ ...config, masterKey: masterKey.key });
  handleShutdown({
    app,
    readiness,
    graceMs: config.server.shutdownGraceMs,
    onClosed: () => tracing.shutdown(),
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
