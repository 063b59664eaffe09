import { describe, expect, it } from 'vitest';
import { carriesBodies } from './prepublish-usage-events.js';

describe('carriesBodies', () => {
  it('picks the asked share of events, evenly spread', () => {
    const picked = Array.from({ length: 1_000 }, (_, index) => index).filter((index) =>
      carriesBodies(index, 0.1),
    );
    expect(picked).toHaveLength(100);
    expect(picked.slice(0, 3)).toEqual([9, 19, 29]);
    expect(carriesBodies(5, 0)).toBe(false);
    expect(carriesBodies(5, 1)).toBe(true);
  });
});
