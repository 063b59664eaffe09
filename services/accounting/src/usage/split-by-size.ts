/**
 * Splits `items` into runs, in order, of at most `maxCount` items whose sizes add up to at most
 * `maxSize` each (an item larger than that on its own forms a run of one). No run is empty.
 */
export function splitBySize<Item>(
  items: readonly Item[],
  sizeOf: (item: Item) => number,
  maxSize: number,
  maxCount = Number.POSITIVE_INFINITY,
): Item[][] {
  const runs: Item[][] = [];
  let run: Item[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = sizeOf(item);
    if (run.length > 0 && (size + itemSize > maxSize || run.length >= maxCount)) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(item);
    size += itemSize;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
