import { describe, expect, it } from 'vitest';
import { formatGoals } from './format-goals.js';
import { checkGoal } from './goal-check.js';

describe('formatGoals', () => {
  it('prints each goal with its status, value, bound and basis', () => {
    const lines = formatGoals([
      checkGoal(
        'gateway CPU per request, chat c16',
        412.4,
        { limit: 247, unit: 'µs' },
        "≤ 1.3 × floor's 190 µs",
      ),
      checkGoal('gateway throughput ÷ peer', 3.214, { limit: 3, unit: '×', atLeast: true }, 'a'),
      checkGoal('standalone first request', 14_900.2, { limit: 1_000, unit: 'ms' }, 'b'),
      checkGoal('admission added p50', undefined, { limit: 0.15, unit: 'ms' }, 'c'),
    ]).split('\n');
    expect(lines[2]?.split(/\s{2,}/)).toEqual([
      'gateway CPU per request, chat c16',
      'MISSED',
      '412 µs',
      '≤ 247 µs',
      "≤ 1.3 × floor's 190 µs",
    ]);
    expect(lines[3]?.split(/\s{2,}/)).toEqual([
      'gateway throughput ÷ peer',
      'met',
      '3.21×',
      '≥ 3.00×',
      'a',
    ]);
    expect(lines[4]?.split(/\s{2,}/)).toEqual([
      'standalone first request',
      'MISSED',
      '14900 ms',
      '≤ 1000 ms',
      'b',
    ]);
    expect(lines[5]?.split(/\s{2,}/)).toEqual([
      'admission added p50',
      'not measured',
      '— ms',
      '≤ 0.150 ms',
      'c',
    ]);
  });
});
