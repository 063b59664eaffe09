import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local webhook receiver that answers 500 to its first request, then 200: a flaky endpoint. */
export interface WebhookReceiver {
  url: string;
  received: { headers: IncomingMessage['headers']; body: string; answered: number }[];
  close(): Promise<void>;
}

/** Starts a {@link WebhookReceiver} on a free loopback port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver['received'] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = received.length === 0 ? 500 : 200;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString(), answered });
      response
        .writeHead(answered, { 'content-type': 'text/plain' })
        .end(answered === 500 ? 'boom' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/switchyard`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
