import { createLogger, type ServiceMetrics } from '@switchyard/telemetry';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import type { Logger } from 'pino';
import { createClientErrorHandler } from './answer-client-error.js';
import { apiErrors } from './api-error.js';
import { clientRequestIdOf } from './client-request-id-of.js';
import { drainRequest } from './drain-request.js';
import { newRequestId } from './new-request-id.js';
import {
  createErrorSender,
  type ErrorFormat,
  registerErrorHandler,
} from './register-error-handler.js';
import { type Readiness, registerHealth } from './register-health.js';
import { registerJsonParser } from './register-json-parser.js';
import { registerMetrics } from './register-metrics.js';
import { registerTracing } from './register-tracing.js';

/** Time from a connection's first byte until its request's headers are in. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 30_000;
/** Time from a request's first byte until its body is in (answers may stream for longer). */
export const DEFAULT_BODY_TIMEOUT_MS = 60_000;
/** Most bytes of an already refused body read and discarded so the client can read the refusal. */
export const DRAIN_MAX_BYTES = 64 * 1_048_576;

export interface ServiceAppOptions {
  name: string;
  logLevel: string;
  bodyLimitBytes: number;
  /** Headers must arrive within this (capped at `bodyTimeoutMs`); else 408 and the connection closes. */
  headersTimeoutMs?: number;
  /** The whole request, body included, must arrive within this; else 408. Not the answer. */
  bodyTimeoutMs?: number;
  /** Error bodies of their own under some paths (the gateway's Anthropic-shaped `/v1/messages`). */
  errorFormats?: readonly ErrorFormat[];
  metrics: ServiceMetrics;
  readiness: Readiness;
  /**
   * A ready-made logger (tests pass one writing to memory); else one writing batched lines to
   * stdout is built from `logLevel`.
   */
  logger?: Logger;
}

/**
 * A fastify instance with what every Switchyard service shares: redacted pino logs, request ids
 * (the service's own in `x-switchyard-request-id`; `x-request-id` echoes the caller's, else the
 * service's), a server span per request, the OpenAI error body for every error (framework and
 * HTTP-parser errors included), JSON bodies only and bounded in size, depth and arrival time,
 * `/livez`, `/readyz` and `/metrics`. It does not listen.
 */
export function createServiceApp(options: ServiceAppOptions): FastifyInstance {
  const logger = options.logger ?? createLogger({ level: options.logLevel, name: options.name });
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  // node refuses a headers timeout longer than the request timeout.
  const headersTimeoutMs = Math.min(
    options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs,
  );
  const errorHandling = { bodyLimitBytes: options.bodyLimitBytes, formats: options.errorFormats };
  const sendError = createErrorSender(errorHandling);
  const app: FastifyInstance = Fastify({
    loggerInstance: logger,
    bodyLimit: options.bodyLimitBytes,
    genReqId: newRequestId,
    // One line per request, written by the metrics hook, instead of fastify's two.
    logController: new LogController({
      requestIdLogLabel: 'requestId',
      disableRequestLogging: true,
    }),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestTimeout: bodyTimeoutMs,
    http: {
      headersTimeout: headersTimeoutMs,
      requestTimeout: bodyTimeoutMs,
      // node checks the two timeouts on this interval (30 s by default, too coarse for them).
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
      // Checked below so that the 400 carries the error body.
      requireHostHeader: false,
    },
    clientErrorHandler: createClientErrorHandler({
      headersTimeoutMs,
      bodyTimeoutMs,
      log: () => app.log,
    }),
    frameworkErrors: (error, request, reply) => {
      sendError(error, request, reply);
    },
  }) as unknown as FastifyInstance;
  // The hooks every request runs take a callback instead of returning a promise: no promise
  // and microtask per hook per request.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', clientRequestIdOf(request.headers) ?? request.id);
    reply.header('x-switchyard-request-id', request.id);
    // RFC 9112 §3.2: a server must refuse an HTTP/1.1 request without Host.
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      reply.header('connection', 'close');
      done(apiErrors.invalidRequest('The request has no Host header.'));
      return;
    }
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (!request.raw.complete) {
      // Answered before the body arrived: read the rest before the connection may close.
      reply.removeHeader('connection');
      drainRequest(request.raw, {
        maxBytes: DRAIN_MAX_BYTES,
        maxMs: bodyTimeoutMs,
        closeWhenDone: () => !app.server.listening,
      });
    }
    done(null, payload);
  });
  registerJsonParser(app);
  registerTracing(app, options.name);
  registerErrorHandler(app, errorHandling);
  registerHealth(app, options.readiness);
  registerMetrics(app, options.metrics);
  return app;
}
