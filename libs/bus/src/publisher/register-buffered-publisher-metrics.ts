import { Counter, Gauge, type Registry } from 'prom-client';
import type { BufferedPublisher } from './create-buffered-publisher.js';

/**
 * Exposes a {@link BufferedPublisher}'s stats on `registry`, read at scrape time:
 * `<prefix>_buffered` (gauge) and `<prefix>_published_total`, `_retried_total`,
 * `_dropped_total` (counters). The prefix defaults to `switchyard_usage_events`.
 */
export function registerBufferedPublisherMetrics(
  registry: Registry,
  publisher: Pick<BufferedPublisher, 'stats'>,
  prefix = 'switchyard_usage_events',
): void {
  new Gauge({
    name: `${prefix}_buffered`,
    help: 'Events accepted and not yet published (waiting or in flight).',
    registers: [registry],
    collect() {
      this.set(publisher.stats().buffered);
    },
  });
  const counters = [
    ['published', 'Events the stream acknowledged.'],
    ['retried', 'Publish attempts that failed and were put back to retry.'],
    ['dropped', 'Events given up on: the buffer was full or closed. Must read zero.'],
  ] as const;
  for (const [field, help] of counters) {
    let reported = 0;
    new Counter({
      name: `${prefix}_${field}_total`,
      help,
      registers: [registry],
      collect() {
        // The stats only grow; add what happened since the last scrape.
        const current = publisher.stats()[field];
        this.inc(current - reported);
        reported = current;
      },
    });
  }
}
