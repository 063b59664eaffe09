import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeExchange } from './fake-exchange.js';

/**
 * Counters of a fake upstream. `aborted` counts responses that closed before they finished: the
 * client went away, or the fake cut the socket itself (`break-stream`).
 */
export interface FakeUpstreamStats {
  readonly active: number;
  /** The most requests in progress at once since the last reset. */
  readonly peakActive: number;
  readonly aborted: number;
  readonly completed: number;
}

/** Counts requests in progress, completed and aborted, and gives each exchange its signal. */
export interface ExchangeTracker {
  readonly stats: FakeUpstreamStats;
  track(request: IncomingMessage, response: ServerResponse): FakeExchange;
  /** Zeroes `aborted` and `completed`; exchanges started before no longer count in them. */
  reset(): void;
}

/** Creates the tracker; a response's `close` decides between completed and aborted. */
export function createExchangeTracker(): ExchangeTracker {
  const stats = { active: 0, peakActive: 0, aborted: 0, completed: 0 };
  let generation = 0;
  return {
    stats,
    track(request, response) {
      const controller = new AbortController();
      const startedIn = generation;
      stats.active += 1;
      stats.peakActive = Math.max(stats.peakActive, stats.active);
      response.on('close', () => {
        stats.active -= 1;
        if (!response.writableFinished) controller.abort();
        if (startedIn !== generation) return;
        if (response.writableFinished) stats.completed += 1;
        else stats.aborted += 1;
      });
      return { request, response, signal: controller.signal };
    },
    reset() {
      stats.aborted = 0;
      stats.completed = 0;
      stats.peakActive = stats.active;
      generation += 1;
    },
  };
}
