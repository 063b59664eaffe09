import { createServer, type IncomingMessage } from 'node:http';
import { listenHttpServer } from '../fake-upstream/listen-http-server.js';
import { sendJson } from '../fake-upstream/send-json.js';

/** A token endpoint's answer: a status and a JSON body. */
export interface TokenAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

/** A running fake token endpoint. */
export interface TokenServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on a loopback port and answers every request with `answer` (a throw is a 500). */
export async function startTokenServer(
  answer: (request: IncomingMessage, path: string) => Promise<TokenAnswer>,
): Promise<TokenServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    answer(request, path)
      .catch((error: unknown) => ({
        status: 500,
        body: { error: 'server_error', error_description: String(error) },
      }))
      .then(({ status, body }) => {
        sendJson(response, status, JSON.stringify(body), 'application/json; charset=utf-8', {
          'cache-control': 'no-store',
        });
      });
  });
  const listening = await listenHttpServer(server, '127.0.0.1', 0);
  return { url: `http://127.0.0.1:${listening.port}`, close: () => listening.close() };
}
