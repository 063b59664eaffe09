import { readMetricValue } from '../stats/read-metric-value.js';

/**
 * The longest event-loop delay a Switchyard process recorded since its `/metrics` was last read
 * (prom-client's `nodejs_eventloop_lag_max_seconds`, from `monitorEventLoopDelay`, reset at every
 * scrape), in ms; undefined if it does not answer.
 */
export async function readEventLoopMax(origin: string): Promise<number | undefined> {
  try {
    const response = await fetch(`${origin}/metrics`, { signal: AbortSignal.timeout(5_000) });
    if (response.status !== 200) return undefined;
    const seconds = readMetricValue(await response.text(), 'nodejs_eventloop_lag_max_seconds');
    return seconds === undefined ? undefined : seconds * 1000;
  } catch {
    return undefined;
  }
}
