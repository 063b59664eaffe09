import type { ServiceApp } from '@switchyard/service-kit';
import type { Logger } from 'pino';
import { buildConsoleApp, type ConsoleAppOptions } from './app.js';
import type { ConsoleConfig } from './config.js';
import { createInjectUpstream } from './proxy/create-inject-upstream.js';
import { registerConsole } from './register-console.js';

/**
 * Options of {@link startConsole}: its own server calling the APIs at the configured URLs, or
 * `app` to mount on at `/console`, calling the APIs served by that same app (standalone).
 */
export type StartConsoleOptions =
  | { config: ConsoleAppOptions; app?: undefined; logger?: Logger }
  | { config?: Pick<ConsoleConfig, 'sessionIdleMs' | 'sessionMaxAgeMs'>; app: ServiceApp };

/** The web console for its own process (`main.ts`) and standalone alike. */
export function startConsole(options: StartConsoleOptions): ServiceApp {
  if (options.app === undefined) {
    return buildConsoleApp(options.config, {
      ...(options.logger && { logger: options.logger }),
    });
  }
  const { app } = options.app;
  registerConsole(app, {
    upstream: createInjectUpstream(app),
    ...(options.config && {
      sessionIdleMs: options.config.sessionIdleMs,
      sessionMaxAgeMs: options.config.sessionMaxAgeMs,
    }),
  });
  return options.app;
}
