import { createServer } from 'node:http';
import { createExchangeTracker, type FakeOpenAIStats } from './create-exchange-tracker.js';
import { failExchange } from './fail-exchange.js';
import type { FakeExchange } from './fake-exchange.js';
import { listenHttpServer } from './listen-http-server.js';
import { randomId } from './random-id.js';
import { readRequestBody } from './read-request-body.js';
import { recordRequest } from './record-request.js';
import type { RecordedRequest } from './recorded-request.js';
import { routeFakeRequest } from './route-fake-request.js';

/** Options of {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (a free one). */
  readonly port?: number;
  /** When set, requests must carry `Authorization: Bearer <one of these>` or get OpenAI's 401. */
  readonly apiKeys?: readonly string[];
}

/** A running fake OpenAI upstream. */
export interface FakeOpenAI {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Live counters; `active` is the number of requests in progress. */
  readonly stats: FakeOpenAIStats;
  /** Clears `requests`, `aborted` and `completed`; requests still in progress stay `active`. */
  reset(): void;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server speaking OpenAI's wire format for Chat Completions, Embeddings and
 * Models, with deterministic answers and failure scenarios chosen by the request's `model`.
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const tracker = createExchangeTracker();

  const handle = async (exchange: FakeExchange): Promise<void> => {
    const receivedAt = Date.now();
    const path = new URL(exchange.request.url ?? '/', 'http://fake').pathname;
    const body = await readRequestBody(exchange.request);
    requests.push(recordRequest(exchange.request, path, body, receivedAt));
    await routeFakeRequest(exchange, path, body, options.apiKeys);
  };

  const server = createServer((request, response) => {
    const exchange = tracker.track(request, response);
    response.setHeader('x-request-id', randomId('req_'));
    void handle(exchange).catch((error: unknown) => failExchange(exchange, error));
  });

  const host = options.host ?? '127.0.0.1';
  const listening = await listenHttpServer(server, host, options.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listening.port}/v1`,
    requests,
    stats: tracker.stats,
    reset() {
      requests.length = 0;
      tracker.reset();
    },
    close: () => listening.close(),
  };
}
