import { describe, expect, it } from 'vitest';
import { formatResetDuration } from './format-reset-duration.js';

describe('formatResetDuration', () => {
  it.each([
    [0, '0s'],
    [20, '20ms'],
    [999, '999ms'],
    [1000, '1s'],
    [8640, '8.64s'],
    [1005, '1.005s'],
    [59_999, '59.999s'],
    [360_000, '6m0s'],
    [179_560, '2m59.56s'],
    [3_723_500, '1h2m3.5s'],
    [3_600_000, '1h0m0s'],
  ])('writes %i ms as %s, like OpenAI', (ms, text) => {
    expect(formatResetDuration(ms)).toBe(text);
  });
});
