import type { FastifyInstance } from 'fastify';
import type { Readiness } from './register-health.js';

export interface ShutdownOptions {
  app: FastifyInstance;
  readiness: Readiness;
  /** How long in-flight requests (streams included) may run on after the signal. */
  graceMs: number;
  /** Runs after the server closed: flush telemetry, close clients. */
  onClosed?: () => Promise<void>;
  /** Runs as the signal arrives, before draining: abandon start-up work nothing should wait for. */
  onSignal?: () => void;
  signals?: readonly NodeJS.Signals[];
}

/**
 * On SIGTERM/SIGINT: report not-ready, stop accepting connections, let in-flight requests and
 * streams finish, and after `graceMs` cut whatever is left. A second signal exits at once.
 */
export function handleShutdown(options: ShutdownOptions): void {
  const { app, readiness, graceMs } = options;
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    readiness.draining = true;
    options.onSignal?.();
    app.log.info({ signal, graceMs }, 'draining: finishing in-flight requests');
    void drain(options).then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(signal, onSignal);
}

async function drain(options: ShutdownOptions): Promise<void> {
  const { app, graceMs } = options;
  const timer = setTimeout(() => {
    app.log.warn('grace period over: closing remaining connections');
    app.server.closeAllConnections();
  }, graceMs);
  timer.unref();
  await app.close();
  clearTimeout(timer);
  await options.onClosed?.();
  app.log.info('shut down cleanly');
}
