// @ts-check
// Loaded with --import into the peer's process, plain JavaScript so that the peer runs without
// a TypeScript loader. The peer listens on every interface and prints a URL it guessed; the
// bench only uses 127.0.0.1 and an ephemeral port. So a listen without a host binds 127.0.0.1,
// the bound port is reported over IPC, and the process ends with the bench. The request path is
// untouched.
import { Server } from 'node:net';

const originalListen = Server.prototype.listen;
/** @param {unknown[]} args */
Server.prototype.listen = function listen(...args) {
  const [port, host] = args;
  if (typeof port === 'number' && (host === undefined || typeof host === 'function')) {
    args.splice(1, host === undefined ? 1 : 0, '127.0.0.1');
  }
  this.once('listening', () => {
    const address = this.address();
    if (typeof address === 'object' && address !== null)
      process.send?.({ type: 'listening', port: address.port });
  });
  return Reflect.apply(originalListen, this, args);
};
process.on('disconnect', () => process.exit(0));
