import type { FastifyInstance } from 'fastify';
import type { Readiness } from './register-health.js';

/** How long responses told the grace is over get to send their last event before the cut. */
const FINAL_EVENT_MS = 500;

export interface ShutdownOptions {
  app: FastifyInstance;
  readiness: Readiness;
  /** How long in-flight requests (streams included) may run on after the signal. */
  graceMs: number;
  /** Runs after the server closed: flush telemetry, close clients. */
  onClosed?: () => Promise<void>;
  /** Runs as the signal arrives, before draining: abandon start-up work nothing should wait for. */
  onSignal?: () => void;
  /**
   * Runs when the grace period is over, before connections are cut: responses still going (SSE
   * streams) end themselves with a last event saying why, given `FINAL_EVENT_MS` to reach the client.
   */
  onGraceOver?: () => void;
  signals?: readonly NodeJS.Signals[];
}

/**
 * On SIGTERM/SIGINT: report not-ready, stop accepting connections, let in-flight requests and
 * streams finish, and after `graceMs` end the streams left (`onGraceOver`) and cut the
 * connections still open. A second signal exits at once.
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
  let cut: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    app.log.warn('grace period over: ending remaining streams, then closing connections');
    options.onGraceOver?.();
    cut = setTimeout(
      () => app.server.closeAllConnections(),
      options.onGraceOver ? FINAL_EVENT_MS : 0,
    );
    cut.unref();
  }, graceMs);
  timer.unref();
  await app.close();
  clearTimeout(timer);
  clearTimeout(cut);
  await options.onClosed?.();
  app.log.info('shut down cleanly');
}
