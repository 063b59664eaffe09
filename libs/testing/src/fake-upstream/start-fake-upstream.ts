import { createServer } from 'node:http';
import { captureResponseBody } from './capture-response-body.js';
import { createExchangeTracker, type FakeUpstreamStats } from './create-exchange-tracker.js';
import { failExchange } from './fail-exchange.js';
import type { FakeDialect } from './fake-dialect.js';
import type { FakeExchange } from './fake-exchange.js';
import { listenHttpServer } from './listen-http-server.js';
import { randomId } from './random-id.js';
import { readRequestBody } from './read-request-body.js';
import { recordRequest } from './record-request.js';
import type { RecordedRequest } from './recorded-request.js';
import { serveFakeRequest } from './serve-fake-request.js';

/** Where a fake upstream listens. */
export interface FakeUpstreamOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (a free one). */
  readonly port?: number;
}

/** A running fake upstream. */
export interface FakeUpstream {
  /** Base URL including the dialect's base path, e.g. `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** Every request received, in order (`path` without the query string). */
  readonly requests: RecordedRequest[];
  /** Live counters; `active` is the number of requests in progress. */
  readonly stats: FakeUpstreamStats;
  /** Clears `requests`, `aborted` and `completed`; requests still in progress stay `active`. */
  reset(): void;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server speaking `dialect` on a loopback port: it records every request, counts
 * exchanges, and answers through the dialect's auth check, routes, scenarios and error body.
 */
export async function startFakeUpstream<TError>(
  dialect: FakeDialect<TError>,
  options: FakeUpstreamOptions = {},
): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  const tracker = createExchangeTracker();

  const handle = async (exchange: FakeExchange): Promise<void> => {
    const receivedAt = Date.now();
    const { request } = exchange;
    const url = new URL(request.url ?? '/', 'http://fake');
    const responseBody = captureResponseBody(exchange.response);
    const body = await readRequestBody(request);
    requests.push(recordRequest(request, url.pathname, body, receivedAt, responseBody));
    const method = request.method ?? 'GET';
    const received = { method, url, headers: request.headers, bodyText: body.text };
    await serveFakeRequest(dialect, exchange, received, body);
  };

  const server = createServer((request, response) => {
    const exchange = tracker.track(request, response);
    const { requestId } = dialect;
    if (requestId !== undefined) response.setHeader(requestId.header, randomId(requestId.prefix));
    void handle(exchange).catch((error: unknown) => failExchange(dialect.errors, exchange, error));
  });

  const host = options.host ?? '127.0.0.1';
  const listening = await listenHttpServer(server, host, options.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listening.port}${dialect.basePath}`,
    requests,
    stats: tracker.stats,
    reset() {
      requests.length = 0;
      tracker.reset();
    },
    close: () => listening.close(),
  };
}
