import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/scenario.js';
import type { AdmissionCost } from '../stats/compare-admission.js';
import type { MetricComparison } from '../stats/compare-targets.js';
import { evaluateGoals } from './evaluate-goals.js';

const comparison = (
  scenario: Scenario,
  metric: MetricComparison['metric'],
  added: { p50: number; p99: number },
): MetricComparison => ({
  scenario,
  metric,
  switchyardAdded: added,
  peerAdded: undefined,
  switchyardToDirect: undefined,
  switchyardToPeer: undefined,
});

const admission = (scenario: Scenario, p50: number): AdmissionCost => ({
  scenario,
  addedLatency: { p50, p99: p50 * 3 },
  addedFirstToken: undefined,
  throughputRatio: 0.9,
  gatewayCpuUs: { switchyard: 300, limited: 380 },
});

const comparisons = [
  comparison({ kind: 'chat', concurrency: 1 }, 'latency', { p50: 0.4, p99: 3.5 }),
  comparison({ kind: 'stream', concurrency: 1 }, 'firstToken', { p50: 0.3, p99: 0.9 }),
];

describe('evaluateGoals', () => {
  it('checks the admission goal on switchyard-limited − switchyard, chat c1, p50', () => {
    const goals = evaluateGoals(comparisons, [
      admission({ kind: 'chat', concurrency: 16 }, 0.5),
      admission({ kind: 'chat', concurrency: 1 }, 0.12),
    ]);
    expect(goals.find((goal) => goal.goal === 'admission added p50, chat c1')).toEqual({
      goal: 'admission added p50, chat c1',
      compared: 'switchyard-limited − switchyard',
      limitMs: 0.15,
      measuredMs: 0.12,
      met: true,
    });
  });

  it('misses the admission goal above 0.15 ms', () => {
    const goals = evaluateGoals(comparisons, [admission({ kind: 'chat', concurrency: 1 }, 0.16)]);
    expect(goals.at(-1)).toMatchObject({ measuredMs: 0.16, met: false });
  });

  it('reports the admission goal not measured without switchyard-limited', () => {
    const goals = evaluateGoals(comparisons, []);
    expect(goals.at(-1)).toMatchObject({ measuredMs: undefined, met: undefined });
  });

  it('still checks the gateway goals on switchyard − direct', () => {
    const goals = evaluateGoals(comparisons, []);
    expect(goals.slice(0, 3)).toEqual([
      {
        goal: 'added latency p50, chat c1',
        compared: 'switchyard − direct',
        limitMs: 0.5,
        measuredMs: 0.4,
        met: true,
      },
      {
        goal: 'added latency p99, chat c1',
        compared: 'switchyard − direct',
        limitMs: 3,
        measuredMs: 3.5,
        met: false,
      },
      {
        goal: 'added TTFT p99, stream c1',
        compared: 'switchyard − direct',
        limitMs: 1,
        measuredMs: 0.9,
        met: true,
      },
    ]);
  });
});
