import { Counter, Gauge, type Registry } from 'prom-client';
import type { PublishSpool } from './open-publish-spool.js';

/**
 * Exposes a {@link PublishSpool}'s stats on `registry`, read at scrape time: `<prefix>_bytes`
 * (gauge), `_replayed_total`, `_damaged_segments_total` and `_full_total` (counters). The prefix
 * defaults to `switchyard_usage_spool`.
 */
export function registerPublishSpoolMetrics(
  registry: Registry,
  spool: Pick<PublishSpool, 'stats'>,
  prefix = 'switchyard_usage_spool',
): void {
  new Gauge({
    name: `${prefix}_bytes`,
    help: 'Bytes of events in the local spool, waiting for the stream to acknowledge them.',
    registers: [registry],
    collect() {
      this.set(spool.stats().bytes);
    },
  });
  const counters = [
    [
      'replayed',
      'Events a previous process left unacknowledged in the spool, published again at start.',
    ],
    ['damaged_segments', 'Spool files whose tail a crash cut short; reading stopped there.'],
    [
      'full',
      'Events not written to the spool because it was at its size limit (kept in memory only).',
    ],
  ] as const;
  for (const [field, help] of counters) {
    let reported = 0;
    const key = field === 'damaged_segments' ? 'damagedSegments' : field;
    new Counter({
      name: `${prefix}_${field}_total`,
      help,
      registers: [registry],
      collect() {
        const current = spool.stats()[key];
        this.inc(current - reported);
        reported = current;
      },
    });
  }
}
