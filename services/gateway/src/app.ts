import { createEncryptionKeyring, type EncryptionKeyring } from '@switchyard/config';
import { assertSchemaCurrent, type Tables } from '@switchyard/db';
import { createServiceApp, type Readiness } from '@switchyard/service-kit';
import { createServiceMetrics, type ServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { buildAccess, type GatewayStores } from './build-access.js';
import { buildUsageRecorder } from './build-usage-recorder.js';
import { followCatalog } from './catalog/follow-catalog.js';
import { registerChatCompletions } from './chat/register-chat-completions.js';
import {
  DEFAULT_REQUEST_LOG_MAX_BYTES,
  DEFAULT_UPSTREAM_MAX_CONNECTIONS,
  type GatewayConfig,
} from './config.js';
import { registerEmbeddings } from './embeddings/register-embeddings.js';
import { registerGeneration } from './generation/register-generation.js';
import { registerCredentialState } from './key/register-credential-state.js';
import { registerKey } from './key/register-key.js';
import { messagesErrorFormat } from './messages/messages-error-format.js';
import { registerMessages } from './messages/register-messages.js';
import { registerModels } from './models/register-models.js';
import { createRouter } from './pipeline/create-router.js';
import { createShutdownCutoff } from './relay/create-shutdown-cutoff.js';
import { createMemoryResponseStore } from './responses/create-memory-response-store.js';
import { createRedisResponseStore } from './responses/create-redis-response-store.js';
import { registerResponses } from './responses/register-responses.js';
import { createCircuitBreakers } from './routing/circuit-breaker.js';
import { createRoutingMetrics } from './routing/routing-metrics.js';
import { DEFAULT_ROUTING_POLICY, type RoutingPolicy } from './routing/routing-policy.js';
import { createExecutor } from './upstream/create-executor.js';
import type { UsageRecorder } from './usage/usage-recorder.js';

export interface GatewayOverrides {
  logger?: Logger;
  usage?: UsageRecorder;
  now?: () => number;
  random?: () => number;
  policy?: RoutingPolicy;
  /** Accounting's database, Redis and NATS; without them only the master key works. */
  stores?: GatewayStores;
}

export interface GatewayApp {
  app: FastifyInstance;
  readiness: Readiness;
  metrics: ServiceMetrics;
  /**
   * Ends the requests still running: a stream with a `shutting_down` event, and each is recorded
   * as a 503 `shutting_down`, not a 499 (`handleShutdown`'s `onGraceOver`).
   */
  endInFlight: () => void;
  /** Whether a model request (or its stream) is running. */
  serving: () => boolean;
}

/** Builds the gateway (routes, executor, catalog) without listening. */
export function buildGatewayApp(
  config: GatewayConfig,
  overrides: GatewayOverrides = {},
): GatewayApp {
  const metrics = createServiceMetrics('gateway');
  const readiness: Readiness = { draining: false, checks: [] };
  const app = createServiceApp({
    name: 'gateway',
    logLevel: config.logLevel,
    bodyLimitBytes: config.server.bodyLimitBytes,
    headersTimeoutMs: config.server.headersTimeoutMs,
    bodyTimeoutMs: config.server.bodyTimeoutMs,
    errorFormats: [messagesErrorFormat],
    metrics,
    readiness,
    ...(overrides.logger && { logger: overrides.logger }),
  });
  const executor = createExecutor(
    config.upstream,
    config.access?.upstreamMaxConnections ?? DEFAULT_UPSTREAM_MAX_CONNECTIONS,
  );
  const now = overrides.now ?? Date.now;
  const policy = overrides.policy ?? DEFAULT_ROUTING_POLICY;
  const routingMetrics = createRoutingMetrics(metrics.registry);
  const access = buildAccess(config, overrides.stores ?? {}, {
    registry: metrics.registry,
    logger: app.log,
    now,
  });
  const { db, bus } = overrides.stores ?? {};
  const followed = followCatalog({
    config,
    now,
    bus,
    db,
    keyring: keyringOf(config),
    logger: app.log,
    registry: metrics.registry,
  });
  const { catalog } = followed;
  // Ready once the last published snapshot (if any) and the stored keys are loaded.
  readiness.checks.push({
    name: 'catalog',
    check: async () => {
      await followed.ready;
      return true;
    },
  });
  const usage = buildUsageRecorder(config, bus, {
    registry: metrics.registry,
    logger: app.log,
    now,
  });
  if (db !== undefined) readiness.checks.push(accountingSchemaCheck(db));
  const shutdownCutoff = createShutdownCutoff();
  const { authenticate, limiter, budgets } = access;
  // The routed-request pipeline, built once: every model endpoint plugs into it.
  const router = createRouter({
    authenticate,
    catalog,
    admission: { limiter, budgets, metrics: access.admissionMetrics },
    upstream: {
      executor,
      breakers: createCircuitBreakers({
        threshold: policy.circuitFailureThreshold,
        cooldownMs: policy.circuitCooldownMs,
        now,
        onChange: routingMetrics.circuit,
      }),
      policy,
      metrics: routingMetrics,
      now,
      random: overrides.random ?? Math.random,
      requestTimeoutMs: config.upstream.requestTimeoutMs,
    },
    outcomes: {
      usage: overrides.usage ?? usage.recorder,
      shutdownCutoff,
      requestLogMaxBytes: config.access?.requestLogMaxBytes ?? DEFAULT_REQUEST_LOG_MAX_BYTES,
      now,
    },
  });
  const answers = { cutoff: shutdownCutoff, now };
  registerChatCompletions(app, router, answers);
  registerEmbeddings(app, router, answers);
  registerMessages(app, router, {
    ...answers,
    authenticate,
    catalog,
    executor,
    requestTimeoutMs: config.upstream.requestTimeoutMs,
    bodyLimitBytes: config.server.bodyLimitBytes,
  });
  // Translated Responses, for previous_response_id: shared through Redis when the gateway has it.
  const redis = overrides.stores?.redis;
  const store = redis ? createRedisResponseStore(redis) : createMemoryResponseStore(now);
  registerResponses(app, router, { ...answers, store, authenticate });
  registerModels(app, { authenticate, catalog, now });
  registerKey(app, { authenticate, limiter, budgets, now, database: db });
  registerCredentialState(app, { authenticate, catalog });
  registerGeneration(app, { authenticate }, db);
  app.addHook('onClose', async () => {
    access.close();
    await followed.stop();
    await executor.close();
    await usage.drain();
    // After the last request: what this replica charged ahead goes back to the other replicas.
    await limiter.close();
  });
  return {
    app,
    readiness,
    metrics,
    endInFlight: shutdownCutoff.cut,
    serving: () => shutdownCutoff.registered() > 0,
  };
}

/** Ready once accounting's schema matches this code (never serve on a stale schema). */
function accountingSchemaCheck(db: Kysely<Tables> | Promise<Kysely<Tables>>) {
  let current = false;
  return {
    name: 'accounting-schema',
    check: async () => {
      if (!current) {
        await assertSchemaCurrent(await db, 'accounting');
        current = true;
      }
      return true;
    },
  };
}

/** The keyring that opens stored upstream keys, when an encryption key is configured. */
function keyringOf(config: GatewayConfig): EncryptionKeyring | undefined {
  const key = config.access?.encryptionKey;
  return key === undefined
    ? undefined
    : createEncryptionKeyring(key, config.access?.previousEncryptionKeys ?? []);
}
