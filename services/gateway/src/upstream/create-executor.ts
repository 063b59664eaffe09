import type { Readable } from 'node:stream';
import {
  type Context,
  context,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { UpstreamRequest } from '@switchyard/providers';
import { isTracingOn } from '@switchyard/telemetry';
import { Client, Pool } from 'undici';
import type { RequestDeadline } from './request-deadline.js';
import { trackSocketReuse } from './track-socket-reuse.js';
import { toUpstreamFailure, type UpstreamFailure } from './upstream-failure.js';

/**
 * Upstream timeouts (ms): connect, first byte (response headers), idle between body chunks. The
 * total deadline is the caller's `deadline`, shared by every attempt of one request.
 */
export interface ExecutorTimeouts {
  connectTimeoutMs: number;
  firstByteTimeoutMs: number;
  idleTimeoutMs: number;
}

export interface UpstreamCall {
  request: UpstreamRequest;
  /** Configured provider name, for spans, metrics and error messages. */
  provider: string;
  /** The upstream model name, for the span. */
  upstreamModel: string;
  /** GenAI operation (`chat`, `embeddings`): the span's name and `gen_ai.operation.name`. */
  operation: 'chat' | 'embeddings';
  /** Aborts the call: the request's overall deadline, or the client going away. */
  deadline: RequestDeadline;
  /** Whether the client has left, to tell a disconnect from a timeout when `deadline` aborts. */
  clientClosed: () => boolean;
  /** The server span's context, parent of the client span. */
  parentContext?: Context;
  /** Sends on a new connection of its own, not a pooled keep-alive one (a retry after a reset). */
  freshConnection?: boolean;
}

export interface UpstreamResponse {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  /** The body as it arrives; destroying it aborts the upstream request. */
  body: Readable & AsyncIterable<Buffer>;
  /** Whether the client (not a timeout) ended the call. */
  clientClosed(): boolean;
  /** Classifies an error met while reading `body` (idle timeout, deadline, lost connection…). */
  toFailure(error: unknown): UpstreamFailure;
}

export interface Executor {
  send(call: UpstreamCall): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

/**
 * Looked up at each use, not at import: the OpenTelemetry SDK (CommonJS) registers its provider
 * on its own copy of the API, and a tracer taken from this ESM copy before that would stay a
 * no-op for good.
 */
const tracer = () => trace.getTracer('switchyard-gateway');

/**
 * The one place upstream I/O happens: an undici pool per origin (keep-alive, no Nagle), the
 * timeouts, and a client span per call. `callWithFallback` decides what to send where.
 * `maxConnectionsPerOrigin` caps each pool: a request past it waits for a free socket.
 */
export function createExecutor(
  timeouts: ExecutorTimeouts,
  maxConnectionsPerOrigin: number,
): Executor {
  const connection = {
    pipelining: 1,
    keepAliveTimeout: 30_000,
    connect: { timeout: timeouts.connectTimeoutMs, noDelay: true, keepAlive: true },
    headersTimeout: timeouts.firstByteTimeoutMs,
    bodyTimeout: timeouts.idleTimeoutMs,
  };
  const pools = new Map<string, Pool>();
  const poolFor = (origin: string): Pool => {
    let pool = pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, { ...connection, connections: maxConnectionsPerOrigin });
      pools.set(origin, pool);
    }
    return pool;
  };
  const reuse = trackSocketReuse();
  const parsedUrls = createUrlCache();

  return {
    async send(call) {
      const url = parsedUrls.parse(call.request.url);
      // With tracing off, no client span and nothing to propagate: the built headers as they are.
      const span = isTracingOn() ? startClientSpan(call, url) : undefined;
      const headers = span === undefined ? call.request.headers : withTraceHeaders(call, span);
      const { deadline } = call;
      try {
        const fresh = call.freshConnection ? new Client(url.origin, connection) : undefined;
        const pending = (fresh ?? poolFor(url.origin)).request({
          path: `${url.pathname}${url.search}`,
          method: call.request.method,
          headers,
          // Bytes, not the text: undici keeps the body it was given until the response ends, and
          // a string it keeps besides the bytes it makes of it. A coding agent's ~120 KB turn
          // would stay on the heap for as long as its answer streams.
          body: call.request.body === undefined ? undefined : Buffer.from(call.request.body),
          // undici takes anything with `aborted`, `reason` and add/removeEventListener.
          signal: deadline as unknown as AbortSignal,
        });
        // Closes once this call's response is done: the connection carries nothing else.
        fresh?.close().catch(() => undefined);
        const response = await pending;
        const body = response.body as unknown as UpstreamResponse['body'];
        if (span !== undefined) {
          span.setAttribute('http.response.status_code', response.statusCode);
          if (response.statusCode >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
          body.once('close', () => span.end());
        }
        // What the response outlives the call by: not the call, whose built body (a coding
        // agent's ~120 KB turn) would then be kept for as long as the answer streams.
        const { provider, clientClosed } = call;
        return {
          status: response.statusCode,
          headers: flattenHeaders(response.headers),
          body,
          clientClosed,
          toFailure: (error) => toUpstreamFailure(error, { provider, deadline, clientClosed }),
        };
      } catch (error: unknown) {
        const failure = toUpstreamFailure(error, {
          provider: call.provider,
          deadline,
          clientClosed: call.clientClosed,
          beforeResponse: { onReusedSocket: reuse.failedOnReusedSocket(error) },
        });
        span?.setStatus({ code: SpanStatusCode.ERROR, message: failure.kind });
        span?.end();
        throw failure;
      }
    },
    async close() {
      reuse.close();
      await Promise.all([...pools.values()].map((pool) => pool.close()));
      pools.clear();
    },
  };
}

/** The client span of one upstream call, child of the request's server span. */
function startClientSpan(call: UpstreamCall, url: CallUrl): Span {
  return tracer().startSpan(
    `${call.operation} ${call.upstreamModel}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': call.request.method,
        'server.address': url.hostname,
        'url.path': url.pathname,
        'gen_ai.operation.name': call.operation,
        'gen_ai.provider.name': call.provider,
        'gen_ai.request.model': call.upstreamModel,
      },
    },
    call.parentContext ?? context.active(),
  );
}

/**
 * The built headers with the span's trace context added, in a copy that starts empty: one that
 * began with a spread and gained keys would get a hidden class every time.
 */
function withTraceHeaders(call: UpstreamCall, span: Span): UpstreamRequest['headers'] {
  const traceHeaders: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), traceHeaders);
  return Object.keys(traceHeaders).length === 0
    ? call.request.headers
    : Object.assign({}, call.request.headers, traceHeaders);
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | undefined> {
  const flat: Record<string, string | undefined> = {};
  // `for…in`, not `Object.entries`: no array per header on every response.
  for (const name in headers) {
    const value = headers[name];
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** The parts of an upstream URL a call uses. */
interface CallUrl {
  origin: string;
  hostname: string;
  pathname: string;
  search: string;
}

/** Upstream URLs are few (one per route and operation): each is parsed once, not per call. */
const URL_CACHE_LIMIT = 1_000;

function createUrlCache(): { parse(href: string): CallUrl } {
  const cache = new Map<string, CallUrl>();
  return {
    parse(href) {
      let url = cache.get(href);
      if (!url) {
        const { origin, hostname, pathname, search } = new URL(href);
        url = { origin, hostname, pathname, search };
        // A URL with per-request parts would grow it without end: start over past the limit.
        if (cache.size >= URL_CACHE_LIMIT) cache.clear();
        cache.set(href, url);
      }
      return url;
    },
  };
}
