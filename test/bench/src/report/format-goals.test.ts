import { describe, expect, it } from 'vitest';
import { formatGoals } from './format-goals.js';

describe('formatGoals', () => {
  it('names what each goal compares, and its status, measure and limit', () => {
    const lines = formatGoals([
      {
        goal: 'added latency p50, chat c1',
        compared: 'switchyard − direct',
        limitMs: 0.5,
        measuredMs: 0.41,
        met: true,
      },
      {
        goal: 'admission added p50, chat c1',
        compared: 'switchyard-limited − switchyard',
        limitMs: 0.15,
        measuredMs: undefined,
        met: undefined,
      },
    ]).split('\n');
    expect(lines[2]?.split(/\s{2,}/)).toEqual([
      'added latency p50, chat c1',
      'switchyard − direct',
      'met',
      '+0.410 ms',
      '≤ 0.5 ms',
    ]);
    expect(lines[3]?.split(/\s{2,}/)).toEqual([
      'admission added p50, chat c1',
      'switchyard-limited − switchyard',
      'not measured',
      '— ms',
      '≤ 0.15 ms',
    ]);
  });
});
