import type { LogLevel } from '@switchyard/config';
import { findLiveApiKey, type Tables } from '@switchyard/db';
import {
  createAdminAuthenticator,
  createAdminRouter,
  createServiceApp,
  type Readiness,
} from '@switchyard/service-kit';
import { createServiceMetrics, type ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Logger } from 'pino';
import type { OnAccountingChange } from './admin/accounting-change.js';
import { buildAccountingOpenapi } from './admin/build-accounting-openapi.js';
import { registerAlertRoutes } from './alerts/register-alert-routes.js';
import { registerAuditRoutes } from './audit/register-audit-routes.js';
import { registerKeyRoutes } from './keys/register-key-routes.js';
import { registerRequestLogRoutes } from './request-log/register-request-log-routes.js';
import { registerTeamRoutes } from './teams/register-team-routes.js';
import { registerUsageRoutes } from './usage-api/register-usage-routes.js';

export interface AccountingAppOptions {
  db: Kysely<Tables>;
  pepper: string;
  masterKey: string;
  /** Accept the console's signed SSO actor assertions (see `createAdminAuthenticator`). */
  consoleActorSecret?: string;
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
    ...(options.consoleActorSecret !== undefined && {
      consoleActorSecret: options.consoleActorSecret,
    }),
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
    consoleActorSecret?: string;
    onChange: OnAccountingChange;
  },
): void {
  const { db, pepper } = options;
  const authenticate = createAdminAuthenticator({
    masterKey: options.masterKey,
    ...(options.consoleActorSecret !== undefined && { actorSecret: options.consoleActorSecret }),
    // A key counts only while it is live and so is its team (a deleted team's keys are dead).
    findLiveKey: (secret) => findLiveApiKey(db, secret, pepper),
  });
  const deps = {
    router: createAdminRouter(app, { authenticate }),
    db,
    pepper,
    onChange: options.onChange,
  };
  registerTeamRoutes(deps);
  registerKeyRoutes(deps);
  registerUsageRoutes(deps);
  registerRequestLogRoutes(deps);
  registerAuditRoutes(deps);
  registerAlertRoutes(deps);
  const openapi = buildAccountingOpenapi(deps.router.routes);
  app.get('/admin/v1/openapi.json', async () => openapi);
}
