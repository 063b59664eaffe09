import type { LogLevel } from '@switchyard/config';
import type { Tables } from '@switchyard/db';
import { createServiceApp, type Readiness } from '@switchyard/service-kit';
import { createServiceMetrics, type ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { OnAccountingChange } from './admin/accounting-change.js';
import {
  createAdminAuthenticator,
  createUsageReaderAuthenticator,
} from './admin/authenticate-admin.js';
import { buildAdminOpenapi } from './admin/build-admin-openapi.js';
import { registerKeyRoutes } from './keys/register-key-routes.js';
import { registerRequestLogRoutes } from './request-log/register-request-log-routes.js';
import { registerTeamRoutes } from './teams/register-team-routes.js';
import { registerUsageRoutes } from './usage-api/register-usage-routes.js';

export interface AccountingAppOptions {
  db: Kysely<Tables>;
  pepper: string;
  masterKey: string;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  /** Request receive timeouts (service-kit's defaults when unset). */
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

export interface AccountingOverrides {
  logger?: Logger;
  /** Told of every key and team mutation (the next step publishes it on NATS); default no-op. */
  onChange?: OnAccountingChange;
}

export interface AccountingApp {
  app: FastifyInstance;
  readiness: Readiness;
  metrics: ServiceMetrics;
}

/** Builds the accounting service (admin API for teams and keys) without listening. */
export function buildAccountingApp(
  options: AccountingAppOptions,
  overrides: AccountingOverrides = {},
): AccountingApp {
  const metrics = createServiceMetrics('accounting');
  const readiness: Readiness = {
    draining: false,
    checks: [
      {
        name: 'postgres',
        check: async () => {
          await sql`select 1`.execute(options.db);
          return true;
        },
      },
    ],
  };
  const app = createServiceApp({
    name: 'accounting',
    logLevel: options.logLevel,
    bodyLimitBytes: options.bodyLimitBytes,
    ...(options.headersTimeoutMs !== undefined && { headersTimeoutMs: options.headersTimeoutMs }),
    ...(options.bodyTimeoutMs !== undefined && { bodyTimeoutMs: options.bodyTimeoutMs }),
    metrics,
    readiness,
    ...(overrides.logger && { logger: overrides.logger }),
  });
  registerAccountingRoutes(app, {
    db: options.db,
    pepper: options.pepper,
    masterKey: options.masterKey,
    onChange: overrides.onChange ?? (() => undefined),
  });
  return { app, readiness, metrics };
}

/**
 * Accounting's admin API (teams, keys, usage, the request log, the OpenAPI document) on `app`:
 * its own service in distributed mode, the standalone process's single server otherwise.
 */
export function registerAccountingRoutes(
  app: FastifyInstance,
  options: {
    db: Kysely<Tables>;
    pepper: string;
    masterKey: string;
    onChange: OnAccountingChange;
  },
): void {
  const deps = {
    db: options.db,
    pepper: options.pepper,
    authenticate: createAdminAuthenticator(options),
    onChange: options.onChange,
  };
  registerTeamRoutes(app, deps);
  registerKeyRoutes(app, deps);
  const usageReaders = { db: options.db, authenticate: createUsageReaderAuthenticator(options) };
  registerUsageRoutes(app, usageReaders);
  registerRequestLogRoutes(app, usageReaders);
  const openapi = buildAdminOpenapi();
  app.get('/admin/v1/openapi.json', async () => openapi);
}
