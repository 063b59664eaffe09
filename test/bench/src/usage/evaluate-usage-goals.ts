import type { AccountingThroughput } from './measure-accounting-throughput.js';
import type { PublishCost } from './measure-publish-cost.js';
import type { UsageGoalCheck } from './usage-bench-report.js';

/** Issue #5's goals: accounting sustains ≥ 20,000 events/s; publishing costs ≤ 20 µs CPU. */
export const ACCOUNTING_GOAL_EVENTS_PER_SECOND = 20_000;
export const PUBLISH_GOAL_CPU_US = 20;

/**
 * The goals against the run: accounting's best sustained rate without bodies (the batching one
 * would choose), and the gateway's CPU per realistic event, paced: all of it net of the idle
 * baseline (the per-request cost at a steady load, publish and ack included), and on the
 * request path alone.
 */
export function evaluateUsageGoals(
  publishing: readonly PublishCost[],
  accounting: readonly AccountingThroughput[],
): UsageGoalCheck[] {
  const plain = accounting.filter((run) => run.bodyShare === 0);
  const best =
    plain.length === 0 ? undefined : Math.max(...plain.map((run) => run.eventsPerSecond));
  const realisticPaced = publishing.find(
    (cost) => cost.outcome === 'realistic' && cost.pace.kind === 'paced',
  );
  const atMost = (measured: number | undefined) =>
    measured === undefined ? undefined : measured <= PUBLISH_GOAL_CPU_US;
  return [
    {
      goal: 'accounting events/s (best batching, no bodies)',
      measured: best,
      limit: ACCOUNTING_GOAL_EVENTS_PER_SECOND,
      unit: 'events/s ≥',
      met: best === undefined ? undefined : best >= ACCOUNTING_GOAL_EVENTS_PER_SECOND,
    },
    {
      goal: 'gateway CPU per event, total net of idle (realistic, paced)',
      measured: realisticPaced?.netCpuUsPerEvent,
      limit: PUBLISH_GOAL_CPU_US,
      unit: 'µs ≤',
      met: atMost(realisticPaced?.netCpuUsPerEvent),
    },
    {
      goal: 'gateway CPU per event, request path (realistic, paced)',
      measured: realisticPaced?.recordCpuUsPerEvent,
      limit: PUBLISH_GOAL_CPU_US,
      unit: 'µs ≤',
      met: atMost(realisticPaced?.recordCpuUsPerEvent),
    },
  ];
}
