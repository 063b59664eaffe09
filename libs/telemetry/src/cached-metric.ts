import type { Metric, Registry } from 'prom-client';
import { LabelCells } from './label-cells.js';

/** What every cached metric is given: prom-client's configuration, without buckets. */
export interface CachedMetricOptions<T extends string> {
  name: string;
  help: string;
  labelNames: readonly T[];
  registers: readonly Registry[];
}

/**
 * What {@link CachedCounter} and {@link CachedHistogram} share: a name, help and label names, a
 * cell per label set found by `labels(...)`, registration with prom-client's registries (which
 * read any object with name, help, type and get()), and reset.
 */
export abstract class CachedMetric<T extends string, Cell> {
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly T[];
  protected readonly cells: LabelCells<Cell>;

  constructor(options: CachedMetricOptions<T>, createCell: () => Cell) {
    this.name = options.name;
    this.help = options.help;
    this.labelNames = options.labelNames;
    this.cells = new LabelCells(options.labelNames, createCell);
    for (const registry of options.registers) registry.registerMetric(this as unknown as Metric);
  }

  /** The cell of one label set: positional values in `labelNames` order, or one object. */
  protected cellOf(args: string[] | [Readonly<Record<T, string>>]): Cell {
    return this.cells.cellOf(this.cells.valuesOf(args));
  }

  reset(): void {
    this.cells.clear();
  }
}
