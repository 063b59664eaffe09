import type { Logger } from 'pino';
import { buildGatewayApp, type GatewayApp } from './app.js';
import type { GatewayStores } from './build-access.js';
import type { GatewayConfig } from './config.js';

/** What {@link startGateway} runs on. */
export interface StartGatewayOptions {
  config: GatewayConfig;
  /** Accounting's database, Redis, the bus, budget counters: connected (`main.ts`) or embedded. */
  stores: GatewayStores;
  logger?: Logger;
}

/**
 * The gateway on the stores it is given, not listening: its own process (`main.ts`) and
 * standalone, which mounts the other services on the app it returns, start it alike.
 */
export function startGateway(options: StartGatewayOptions): GatewayApp {
  return buildGatewayApp(options.config, {
    stores: options.stores,
    ...(options.logger && { logger: options.logger }),
  });
}
