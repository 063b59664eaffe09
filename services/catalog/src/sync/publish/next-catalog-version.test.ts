import { describe, expect, it } from 'vitest';
import { nextCatalogVersion } from './next-catalog-version.js';

describe('nextCatalogVersion', () => {
  it('starts at 1 and increases even when the clock goes back', () => {
    const first = nextCatalogVersion(undefined, new Date('2026-11-23T12:00:00.000Z'));
    expect(first).toBe('2026-11-23T12:00:00.000Z-00000001');
    const second = nextCatalogVersion(first, new Date('2026-11-23T11:00:00.000Z'));
    expect(second).toBe('2026-11-23T12:00:00.000Z-00000002');
    const third = nextCatalogVersion(second, new Date('2026-11-23T13:00:00.000Z'));
    expect(third > second && second > first).toBe(true);
  });
});
