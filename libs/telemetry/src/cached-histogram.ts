import { CachedMetric, type CachedMetricOptions } from './cached-metric.js';

/** What `labels(...)` returns: the histogram of one label set, kept and reused. */
export interface HistogramChild {
  observe(value: number): void;
}

interface HistogramCell extends HistogramChild {
  /** Observations per bucket (not cumulative), by the bucket's index in the upper bounds. */
  readonly counts: Float64Array;
  sum: number;
  count: number;
}

/**
 * A Prometheus histogram with labels whose children are cached per label set: an observation
 * finds its cell with a few Map lookups and its bucket by index, instead of prom-client's spread,
 * hash and validation of a label object and a string-keyed bucket. Exposed exactly as
 * prom-client's `Histogram` (same series, label order, values and series order).
 */
export class CachedHistogram<T extends string> extends CachedMetric<T, HistogramCell> {
  readonly type = 'histogram';
  readonly upperBounds: readonly number[];

  constructor(options: CachedMetricOptions<T> & { buckets: readonly number[] }) {
    const bounds = [...options.buckets];
    super(options, () => {
      const cell: HistogramCell = {
        counts: new Float64Array(bounds.length),
        sum: 0,
        count: 0,
        observe(value) {
          if (!Number.isFinite(value)) throw new TypeError(`Value is not a valid number: ${value}`);
          cell.sum += value;
          cell.count += 1;
          // Past the last bound only the +Inf bucket (the count) holds it, as in prom-client.
          for (let index = 0; index < bounds.length; index++) {
            if (value <= (bounds[index] as number)) {
              cell.counts[index] = (cell.counts[index] as number) + 1;
              return;
            }
          }
        },
      };
      return cell;
    });
    this.upperBounds = bounds;
  }

  /** The child of one label set: positional values in `labelNames` order, or one object. */
  labels(...args: string[] | [Readonly<Record<T, string>>]): HistogramChild {
    return this.cellOf(args);
  }

  /** The series as prom-client's registry formats them: bucket labels apart from shared ones. */
  async getForPromString() {
    const values: {
      labels: Record<string, string | number>;
      sharedLabels: Record<string, string>;
      value: number;
      metricName: string;
      exemplar: null | undefined;
    }[] = [];
    const bucket = `${this.name}_bucket`;
    for (const { labels, cell } of this.cells.entries()) {
      let cumulative = 0;
      this.upperBounds.forEach((le, index) => {
        cumulative += cell.counts[index] as number;
        values.push({
          labels: { le },
          sharedLabels: labels,
          value: cumulative,
          metricName: bucket,
          exemplar: null,
        });
      });
      values.push(
        {
          labels: { le: '+Inf' },
          sharedLabels: labels,
          value: cell.count,
          metricName: bucket,
          exemplar: null,
        },
        {
          labels: {},
          sharedLabels: labels,
          value: cell.sum,
          metricName: `${this.name}_sum`,
          exemplar: undefined,
        },
        {
          labels: {},
          sharedLabels: labels,
          value: cell.count,
          metricName: `${this.name}_count`,
          exemplar: undefined,
        },
      );
    }
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values,
      aggregator: this.aggregator,
    };
  }

  /** As prom-client's `get()`: every series' labels in one object. */
  async get() {
    const data = await this.getForPromString();
    return {
      ...data,
      values: data.values.map(({ labels, sharedLabels, ...rest }) => ({
        ...rest,
        labels: { ...labels, ...sharedLabels },
      })),
    };
  }
}
