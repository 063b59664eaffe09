import { CachedMetric, type CachedMetricOptions } from './cached-metric.js';

/** One label set's running total. */
interface CounterCell {
  value: number;
}

/** What `labels(...)` returns: the counter of one label set, kept and reused. */
export interface CounterChild {
  inc(value?: number): void;
}

/**
 * A Prometheus counter with labels whose children are cached per label set, so an increment
 * costs a few Map lookups instead of prom-client's spread, hash and validation of a label
 * object. Exposed exactly as prom-client's `Counter` (same name, help, labels, values, order).
 */
export class CachedCounter<T extends string> extends CachedMetric<T, CounterChild & CounterCell> {
  readonly type = 'counter';

  constructor(options: CachedMetricOptions<T>) {
    super(options, () => {
      const cell = {
        value: 0,
        inc(value = 1) {
          if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
          if (value < 0) throw new Error('It is not possible to decrease a counter');
          cell.value += value;
        },
      };
      return cell;
    });
  }

  /** The child of one label set: positional values in `labelNames` order, or one object. */
  labels(...args: string[] | [Readonly<Record<T, string>>]): CounterChild {
    return this.cellOf(args);
  }

  async get() {
    return {
      help: this.help,
      name: this.name,
      type: this.type,
      values: this.cells.entries().map(({ labels, cell }) => ({ value: cell.value, labels })),
      aggregator: this.aggregator,
    };
  }
}
