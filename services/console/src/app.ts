import type { LogLevel } from '@switchyard/config';
import { createServiceApp, type Readiness } from '@switchyard/service-kit';
import { createServiceMetrics, type ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ConsoleUpstream } from './proxy/console-upstream.js';
import { createHttpUpstream } from './proxy/create-http-upstream.js';
import { registerConsole } from './register-console.js';
import type { SessionStore } from './session/session-store.js';
import type { SsoConfig } from './sso/sso-config.js';
import { loadUiBundle } from './ui-bundle/load-ui-bundle.js';

/** What `buildConsoleApp` needs: the `ConsoleConfig` fields it reads. */
export interface ConsoleAppOptions {
  adminUrl: string;
  catalogUrl: string;
  gatewayUrl: string;
  sessionIdleMs: number;
  sessionMaxAgeMs: number;
  /** Sign-in through an OpenID Connect provider; undefined or absent for key login only. */
  sso?: SsoConfig | undefined;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Request receive timeouts (service-kit's defaults when unset). */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

export interface ConsoleOverrides {
  logger?: Logger;
  /** Reach the APIs some other way than HTTP to the configured URLs. */
  upstream?: ConsoleUpstream;
  sessions?: SessionStore;
}

export interface ConsoleApp {
  app: FastifyInstance;
  readiness: Readiness;
  metrics: ServiceMetrics;
}

/** Builds the console service (UI at `/console`, `/` redirecting there) without listening. */
export function buildConsoleApp(
  options: ConsoleAppOptions,
  overrides: ConsoleOverrides = {},
): ConsoleApp {
  const metrics = createServiceMetrics('console');
  const readiness: Readiness = {
    draining: false,
    checks: [{ name: 'ui-bundle', check: async () => (await loadUiBundle()).js.length > 0 }],
  };
  const app = createServiceApp({
    name: 'console',
    logLevel: options.logLevel,
    bodyLimitBytes: options.bodyLimitBytes,
    ...(options.headersTimeoutMs !== undefined && { headersTimeoutMs: options.headersTimeoutMs }),
    ...(options.bodyTimeoutMs !== undefined && { bodyTimeoutMs: options.bodyTimeoutMs }),
    metrics,
    readiness,
    ...(overrides.logger && { logger: overrides.logger }),
  });
  registerConsole(app, {
    upstream: overrides.upstream ?? createHttpUpstream(options),
    sessionIdleMs: options.sessionIdleMs,
    sessionMaxAgeMs: options.sessionMaxAgeMs,
    ...(options.sso !== undefined && { sso: options.sso }),
    ...(overrides.sessions && { sessions: overrides.sessions }),
  });
  app.get('/', async (_request, reply) => reply.redirect('/console/'));
  return { app, readiness, metrics };
}
