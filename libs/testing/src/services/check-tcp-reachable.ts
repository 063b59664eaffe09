import { connect, type NetConnectOpts } from 'node:net';

/** Where to connect: a TCP host and port, or a Unix socket path. */
export type TcpTarget =
  | { readonly host: string; readonly port: number }
  | { readonly path: string };

/** The outcome of a connection attempt; `reason` says why it failed. */
export type TcpCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Opens and closes a connection to `target`, failing after `timeoutMs`. */
export function checkTcpReachable(target: TcpTarget, timeoutMs: number): Promise<TcpCheck> {
  return new Promise((resolve) => {
    const options: NetConnectOpts =
      'path' in target ? { path: target.path } : { host: target.host, port: target.port };
    const socket = connect(options);
    const finish = (result: TcpCheck): void => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () =>
      finish({ ok: false, reason: `no answer within ${timeoutMs} ms` }),
    );
    socket.once('connect', () => finish({ ok: true }));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, reason: error.code ?? error.message }),
    );
  });
}
