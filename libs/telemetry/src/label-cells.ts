/**
 * One cell per distinct set of label values, found by walking one Map per label with the values
 * as given: no label object is built, hashed or validated per lookup, the work prom-client
 * does on every `inc`/`observe`. Cells keep their creation order (the exposition's order).
 */
export class LabelCells<Cell> {
  #root = new Map<string, unknown>();
  #cells: { labels: Record<string, string>; cell: Cell }[] = [];

  constructor(
    private readonly labelNames: readonly string[],
    private readonly create: () => Cell,
  ) {}

  /** The cell of these label values (one per label name, in order), created on first use. */
  cellOf(values: readonly string[]): Cell {
    if (values.length !== this.labelNames.length) {
      throw new Error(
        `Expected ${this.labelNames.length} label values (${this.labelNames.join(', ')}), got ${values.length}`,
      );
    }
    let level = this.#root;
    const last = values.length - 1;
    for (let index = 0; index < last; index++) {
      const value = values[index] as string;
      let next = level.get(value) as Map<string, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const leafKey = last < 0 ? '' : (values[last] as string);
    const found = level.get(leafKey) as Cell | undefined;
    if (found !== undefined) return found;
    const cell = this.create();
    level.set(leafKey, cell);
    const labels: Record<string, string> = {};
    this.labelNames.forEach((name, index) => {
      labels[name] = values[index] as string;
    });
    this.#cells.push({ labels, cell });
    return cell;
  }

  /** The label values of a `labels(...)` call: positional strings or one object by name. */
  valuesOf(args: readonly (string | Readonly<Record<string, string | number>>)[]): string[] {
    const [first] = args;
    if (typeof first !== 'object') return args as string[];
    for (const name of Object.keys(first)) {
      if (!this.labelNames.includes(name)) {
        throw new Error(`Added label "${name}" is not included in ${this.labelNames.join(', ')}`);
      }
    }
    return this.labelNames.map((name) => String(first[name] ?? ''));
  }

  /** Every cell with its labels (a stable object, by label name), in creation order. */
  entries(): readonly { labels: Record<string, string>; cell: Cell }[] {
    return this.#cells;
  }

  clear(): void {
    this.#root = new Map();
    this.#cells = [];
  }
}
