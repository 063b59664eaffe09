import { createServer } from 'node:http';
import {
  createExchangeTracker,
  type FakeOpenAIStats,
} from '../fake-openai/create-exchange-tracker.js';
import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { listenHttpServer } from '../fake-openai/listen-http-server.js';
import { randomId } from '../fake-openai/random-id.js';
import { readRequestBody } from '../fake-openai/read-request-body.js';
import { recordRequest } from '../fake-openai/record-request.js';
import type { RecordedRequest } from '../fake-openai/recorded-request.js';
import { failAnthropicExchange } from './fail-anthropic-exchange.js';
import { routeAnthropicRequest } from './route-anthropic-request.js';

/** Counters of the fake Anthropic upstream: requests in progress, aborted and completed. */
export type FakeAnthropicStats = FakeOpenAIStats;

/** Options of {@link startFakeAnthropic}. */
export interface FakeAnthropicOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (a free one). */
  readonly port?: number;
  /** When set, requests must carry `x-api-key: <one of these>` or get Anthropic's 401. */
  readonly apiKeys?: readonly string[];
}

/** A running fake Anthropic upstream. */
export interface FakeAnthropic {
  /** Base URL including `/v1`, e.g. `http://127.0.0.1:PORT/v1` (so `{url}/messages`). */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  /** Live counters; `active` is the number of requests in progress. */
  readonly stats: FakeAnthropicStats;
  /** Clears `requests`, `aborted` and `completed`; requests still in progress stay `active`. */
  reset(): void;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server speaking Anthropic's Messages API wire format (JSON messages, SSE
 * streams, error bodies), with deterministic answers and failure scenarios chosen by `model`.
 */
export async function startFakeAnthropic(
  options: FakeAnthropicOptions = {},
): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = [];
  const tracker = createExchangeTracker();

  const handle = async (exchange: FakeExchange): Promise<void> => {
    const receivedAt = Date.now();
    const path = new URL(exchange.request.url ?? '/', 'http://fake').pathname;
    const body = await readRequestBody(exchange.request);
    requests.push(recordRequest(exchange.request, path, body, receivedAt));
    await routeAnthropicRequest(exchange, path, body, options.apiKeys);
  };

  const server = createServer((request, response) => {
    const exchange = tracker.track(request, response);
    response.setHeader('request-id', randomId('req_011'));
    void handle(exchange).catch((error: unknown) => failAnthropicExchange(exchange, error));
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
