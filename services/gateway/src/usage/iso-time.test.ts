import { describe, expect, it } from 'vitest';
import { isoTime } from './iso-time.js';

describe('isoTime', () => {
  it('writes what toISOString writes, across seconds, days and years', () => {
    const now = Date.now();
    const times = [0, 1, 999, 1_000, 59_999, now, now + 1, now - 1_001, 253_402_300_799_999];
    for (let index = 0; index < 2_000; index += 1) {
      // Runs within one second and jumps between them, as requests stamp their times.
      times.push(now + Math.floor(Math.random() * 5_000), Math.floor(Math.random() * 4e12));
    }
    for (const ms of times) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it('leaves fractional, negative and six-digit-year times to toISOString', () => {
    for (const ms of [1.5, -1, -62_198_755_200_000, 253_402_300_800_000]) {
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
