import type { MetricComparison } from '../stats/compare-targets.js';

/** One of Switchyard's latency goals, against what this run measured. */
export interface GoalCheck {
  readonly goal: string;
  readonly limitMs: number;
  /** Undefined when the run did not measure it (no concurrency 1, or no samples). */
  readonly measuredMs: number | undefined;
  readonly met: boolean | undefined;
}

const GOALS = [
  {
    goal: 'added latency p50, chat c1',
    kind: 'chat',
    metric: 'latency',
    percentile: 'p50',
    limitMs: 0.5,
  },
  {
    goal: 'added latency p99, chat c1',
    kind: 'chat',
    metric: 'latency',
    percentile: 'p99',
    limitMs: 3,
  },
  {
    goal: 'added TTFT p99, stream c1',
    kind: 'stream',
    metric: 'firstToken',
    percentile: 'p99',
    limitMs: 1,
  },
] as const;

/** Checks Switchyard's goals, all at concurrency 1, where queueing on the cores does not blur them. */
export function evaluateGoals(comparisons: readonly MetricComparison[]): GoalCheck[] {
  return GOALS.map((goal) => {
    const comparison = comparisons.find(
      (candidate) =>
        candidate.scenario.kind === goal.kind &&
        candidate.scenario.concurrency === 1 &&
        candidate.metric === goal.metric,
    );
    const measuredMs = comparison?.switchyardAdded?.[goal.percentile];
    return {
      goal: goal.goal,
      limitMs: goal.limitMs,
      measuredMs,
      met: measuredMs === undefined ? undefined : measuredMs <= goal.limitMs,
    };
  });
}
