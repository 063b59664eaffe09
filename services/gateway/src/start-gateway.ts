import type { Logger } from 'pino';
import { buildGatewayApp, type GatewayApp } from './app.js';
import type { GatewayStores } from './build-access.js';
import type { GatewayConfig } from './config.js';
import { trimHeapWhenIdle } from './trim-heap-when-idle.js';

/** What {@link startGateway} runs on. */
export interface StartGatewayOptions {
  config: GatewayConfig;
  /** Accounting's database, Redis, the bus, budget counters: connected (`main.ts`) or embedded. */
  stores: GatewayStores;
  logger?: Logger;
}

/**
 * The gateway on the stores it is given, not listening: its own process (`main.ts`) and
 * standalone, which mounts the other services on the app it returns, start it alike; both hand
 * the heap a burst grew back once idle ({@link trimHeapWhenIdle}) unless `server.idle_heap_trim`
 * is false.
 */
export function startGateway(options: StartGatewayOptions): GatewayApp {
  const gateway = buildGatewayApp(options.config, {
    stores: options.stores,
    ...(options.logger && { logger: options.logger }),
  });
  if (!options.config.server.idleHeapTrim) return gateway;
  const log = gateway.app.log;
  const stopTrimming = trimHeapWhenIdle({
    serving: gateway.serving,
    onTrim: (trim) =>
      log.info(
        {
          heapBeforeMb: toMegabytes(trim.beforeBytes),
          heapAfterMb: toMegabytes(trim.afterBytes),
          pauseMs: Math.round(trim.pauseMs),
        },
        'idle: heap trimmed',
      ),
  });
  if (stopTrimming === undefined)
    log.warn('V8 offers no gc function: the heap is not trimmed when idle');
  else gateway.app.addHook('onClose', async () => stopTrimming());
  return gateway;
}

function toMegabytes(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}
