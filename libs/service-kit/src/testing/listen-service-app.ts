import { connect } from 'node:net';
import { createServiceMetrics } from '@switchyard/telemetry';
import type { FastifyInstance } from 'fastify';
import { createServiceApp, type ServiceAppOptions } from '../create-service-app.js';

/** A service app listening on a free loopback port, with one JSON echo route. */
export async function listenServiceApp(
  options: Partial<ServiceAppOptions> = {},
  addRoutes: (app: FastifyInstance) => void = () => {},
): Promise<{ app: FastifyInstance; port: number }> {
  const app = createServiceApp({
    name: 'test',
    logLevel: 'silent',
    bodyLimitBytes: 1024,
    metrics: createServiceMetrics('test'),
    readiness: { draining: false, checks: [] },
    ...options,
  });
  app.post('/echo', async (request) => ({ received: request.body }));
  addRoutes(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('not listening');
  return { app, port: address.port };
}

export interface RawExchange {
  /** Everything the server wrote, as text. */
  received: string;
  /** How long until the server closed the connection, or undefined if it did not within `waitMs`. */
  closedAfterMs: number | undefined;
}

/**
 * Writes raw bytes to the server (each string of `parts` after `gapMs`) and collects what comes
 * back until the server closes the connection or `waitMs` passes.
 */
export function rawExchange(
  port: number,
  parts: readonly string[],
  options: { gapMs?: number; waitMs?: number } = {},
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let received = '';
    const timers: NodeJS.Timeout[] = [];
    const finish = (closedAfterMs: number | undefined) => {
      for (const timer of timers) clearTimeout(timer);
      socket.destroy();
      resolve({ received, closedAfterMs });
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
    });
    socket.on('error', () => {});
    socket.on('close', () => finish(Date.now() - started));
    parts.forEach((part, index) => {
      timers.push(
        setTimeout(
          () => {
            if (!socket.destroyed) socket.write(part);
          },
          index * (options.gapMs ?? 0),
        ),
      );
    });
    timers.push(setTimeout(() => finish(undefined), options.waitMs ?? 3_000));
  });
}

/** The status and JSON body of a raw HTTP/1.1 response. */
export function parseRawResponse(text: string): { status: number; body: unknown } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
  const body: unknown = JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4));
  return { status, body };
}
