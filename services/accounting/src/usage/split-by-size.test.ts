import { describe, expect, it } from 'vitest';
import { splitBySize } from './split-by-size.js';

describe('splitBySize', () => {
  it('keeps everything in one run while it fits', () => {
    expect(splitBySize([1, 2, 3], (item) => item, 6)).toEqual([[1, 2, 3]]);
    expect(splitBySize([], (item: number) => item, 6)).toEqual([]);
  });

  it('starts a new run before the budget would be exceeded, keeping the order', () => {
    expect(splitBySize([4, 4, 1, 5, 0], (item) => item, 5)).toEqual([[4], [4, 1], [5, 0]]);
  });

  it('gives an item larger than the budget a run of its own', () => {
    expect(splitBySize([1, 9, 1], (item) => item, 5)).toEqual([[1], [9], [1]]);
  });

  it('ends a run at the most items it may hold, whatever their size', () => {
    expect(splitBySize([1, 1, 1, 1, 1], (item) => item, 100, 2)).toEqual([[1, 1], [1, 1], [1]]);
  });
});
