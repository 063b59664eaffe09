import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** A listening server: its port and a close that also ends open and stalled connections. */
export interface ListeningServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Listens on host:port (0 = any free port) and tracks sockets so close never hangs. */
export async function listenHttpServer(
  server: Server,
  host: string,
  port: number,
): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The server did not bind a TCP port');
  return {
    port: address.port,
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
