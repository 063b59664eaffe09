import { createServer } from 'node:http';
import {
  createExchangeTracker,
  type FakeOpenAIStats,
} from '../fake-openai/create-exchange-tracker.js';
import type { FakeExchange } from '../fake-openai/fake-exchange.js';
import { listenHttpServer } from '../fake-openai/listen-http-server.js';
import { readRequestBody } from '../fake-openai/read-request-body.js';
import { recordRequest } from '../fake-openai/record-request.js';
import type { RecordedRequest } from '../fake-openai/recorded-request.js';
import { failGoogleExchange } from './fail-google-exchange.js';
import { routeFakeGoogleRequest } from './route-fake-google-request.js';

/** Counters of the fake Gemini upstream (the same as the fake OpenAI's). */
export type FakeGoogleStats = FakeOpenAIStats;

/** Options of {@link startFakeGoogle}. */
export interface FakeGoogleOptions {
  /** Interface to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** Port; default 0 (a free one). */
  readonly port?: number;
  /** When set, requests must carry one of these in `x-goog-api-key` (or `?key=`). */
  readonly apiKeys?: readonly string[];
}

/** A running fake Gemini upstream. */
export interface FakeGoogle {
  /** Base URL including `/v1beta`, e.g. `http://127.0.0.1:PORT/v1beta`. */
  readonly url: string;
  /** Every request received, in order (`path` without the query, so without `?alt=sse`). */
  readonly requests: RecordedRequest[];
  /** Live counters; `active` is the number of requests in progress. */
  readonly stats: FakeGoogleStats;
  /** Clears `requests`, `aborted` and `completed`; requests still in progress stay `active`. */
  reset(): void;
  /** Stops listening and destroys every open socket. */
  close(): Promise<void>;
}

/**
 * Starts an HTTP server speaking Gemini's wire format (`generateContent`,
 * `streamGenerateContent`, `batchEmbedContents`) with deterministic answers and failure
 * scenarios chosen by the model name in the URL.
 */
export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const requests: RecordedRequest[] = [];
  const tracker = createExchangeTracker();

  const handle = async (exchange: FakeExchange): Promise<void> => {
    const receivedAt = Date.now();
    const url = new URL(exchange.request.url ?? '/', 'http://fake');
    const body = await readRequestBody(exchange.request);
    requests.push(recordRequest(exchange.request, url.pathname, body, receivedAt));
    await routeFakeGoogleRequest(exchange, url, body, options.apiKeys);
  };

  const server = createServer((request, response) => {
    const exchange = tracker.track(request, response);
    void handle(exchange).catch((error: unknown) => failGoogleExchange(exchange, error));
  });

  const host = options.host ?? '127.0.0.1';
  const listening = await listenHttpServer(server, host, options.port ?? 0);
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listening.port}/v1beta`,
    requests,
    stats: tracker.stats,
    reset() {
      requests.length = 0;
      tracker.reset();
    },
    close: () => listening.close(),
  };
}
