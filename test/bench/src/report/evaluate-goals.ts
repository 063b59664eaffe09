import type { AdmissionCost } from '../stats/compare-admission.js';
import type { AddedLatency, ComparedMetric, MetricComparison } from '../stats/compare-targets.js';

/** One of Switchyard's latency goals, against what this run measured. */
export interface GoalCheck {
  readonly goal: string;
  /** What is subtracted from what, e.g. `switchyard − direct`. */
  readonly compared: string;
  readonly limitMs: number;
  /** Undefined when the run did not measure it (no concurrency 1, or no samples). */
  readonly measuredMs: number | undefined;
  readonly met: boolean | undefined;
}

interface Goal {
  readonly goal: string;
  readonly kind: 'chat' | 'stream';
  readonly metric: ComparedMetric;
  readonly percentile: keyof AddedLatency;
  readonly limitMs: number;
}

/** Switchyard in front of the upstream: its added latency over direct calls. */
const GATEWAY_GOALS: readonly Goal[] = [
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
];

/** Admission (a team key under rate limits, Redis on loopback) over the master key. */
const ADMISSION_GOALS: readonly Goal[] = [
  {
    goal: 'admission added p50, chat c1',
    kind: 'chat',
    metric: 'latency',
    percentile: 'p50',
    limitMs: 0.15,
  },
];

/** Checks Switchyard's goals, all at concurrency 1, where queueing on the cores does not blur them. */
export function evaluateGoals(
  comparisons: readonly MetricComparison[],
  admissionCosts: readonly AdmissionCost[],
): GoalCheck[] {
  const gateway = GATEWAY_GOALS.map((goal) => {
    const comparison = comparisons.find(
      (candidate) =>
        candidate.scenario.kind === goal.kind &&
        candidate.scenario.concurrency === 1 &&
        candidate.metric === goal.metric,
    );
    return check(goal, 'switchyard − direct', comparison?.switchyardAdded?.[goal.percentile]);
  });
  const admission = ADMISSION_GOALS.map((goal) => {
    const cost = admissionCosts.find(
      (candidate) => candidate.scenario.kind === goal.kind && candidate.scenario.concurrency === 1,
    );
    const added = goal.metric === 'latency' ? cost?.addedLatency : cost?.addedFirstToken;
    return check(goal, 'switchyard-limited − switchyard', added?.[goal.percentile]);
  });
  return [...gateway, ...admission];
}

function check(goal: Goal, compared: string, measuredMs: number | undefined): GoalCheck {
  return {
    goal: goal.goal,
    compared,
    limitMs: goal.limitMs,
    measuredMs,
    met: measuredMs === undefined ? undefined : measuredMs <= goal.limitMs,
  };
}
