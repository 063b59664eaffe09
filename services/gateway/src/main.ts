import { ConfigError } from '@switchyard/config';
import { handleShutdown } from '@switchyard/service-kit';
import { startTracing } from '@switchyard/telemetry';
import { applyServingV8Flags } from './apply-serving-v8-flags.js';
import { loadGatewayConfig } from './config.js';
import { connectGatewayStores } from './connect-gateway-stores.js';
import { startGateway } from './start-gateway.js';

/** The gateway as its own process (distributed mode): config, its stores, then the gateway. */
async function main(): Promise<void> {
  applyServingV8Flags();
  const tracing = await startTracing('switchyard-gateway', process.env);
  const config = loadGatewayConfig(process.env);
  const connected = await connectGatewayStores(config.access);
  const { app, readiness, endInFlight } = startGateway({ config, stores: connected.stores });
  handleShutdown({
    app,
    readiness,
    graceMs: config.server.shutdownGraceMs,
    onGraceOver: endInFlight,
    onClosed: async () => {
      await connected.close();
      await tracing.shutdown();
    },
  });
  await app.listen({ host: config.server.host, port: config.server.port });
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : String(error);
  process.stderr.write(`switchyard gateway failed to start:\n${message}\n`);
  process.exit(1);
});
