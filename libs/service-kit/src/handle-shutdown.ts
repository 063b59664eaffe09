import type { FastifyInstance } from 'fastify';
import type { Readiness } from './register-health.js';

/** How long responses told the grace is over get to send their last event before the cut. */
const FINAL_EVENT_MS = 500;
/** Longest wait for the log lines still buffered to be written before exiting anyway. */
const LOG_FLUSH_TIMEOUT_MS = 2_000;

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
 * connections still open; exit once the buffered log lines are written. A second signal exits
 * at once.
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
      () => exitAfterLogs(app, 0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        exitAfterLogs(app, 1);
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

/**
 * Exits once the logger has written what it buffered: an exit hook could only write the lines
 * not yet handed to the file system, and would lose a batch whose write is still in flight.
 */
function exitAfterLogs(app: FastifyInstance, code: number): void {
  const exit = () => {
    clearTimeout(timer);
    process.exit(code);
  };
  const timer = setTimeout(exit, LOG_FLUSH_TIMEOUT_MS);
  timer.unref();
  // pino's flush; not part of fastify's logger type.
  const flush: unknown = Reflect.get(app.log, 'flush');
  if (typeof flush !== 'function') {
    exit();
    return;
  }
  try {
    Reflect.apply(flush, app.log, [exit]);
  } catch {
    exit();
  }
}
