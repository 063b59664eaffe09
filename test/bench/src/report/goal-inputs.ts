import type { TargetName } from '../load/bench-target.js';
import type { OpenStreamsResult } from '../open-streams/open-streams-result.js';
import type { ScenarioKind } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import type { StartupReadings } from '../startup/startup-readings.js';
import type { AdmissionCost } from '../stats/compare-admission.js';

/** What the goals are checked against: everything one run measured. */
export interface GoalInputs {
  readonly results: readonly ScenarioResult[];
  readonly admissionCosts: readonly AdmissionCost[];
  readonly openStreams: readonly OpenStreamsResult[];
  readonly startup: StartupReadings;
}

/** The gateway the goals are about: distributed, a team key under limits, usage published. */
export const GATEWAY: TargetName = 'switchyard-limited';
/** Switchyard in one process, accounting and its database in it. */
export const STANDALONE: TargetName = 'switchyard';

/** One target's result in one scenario, if measured. */
export function findResult(
  results: readonly ScenarioResult[],
  target: TargetName,
  kind: ScenarioKind,
  concurrency: number,
): ScenarioResult | undefined {
  return results.find(
    (result) =>
      result.target === target &&
      result.scenario.kind === kind &&
      result.scenario.concurrency === concurrency,
  );
}

/** Bytes in MB (2²⁰). */
export function toMegabytes(bytes: number | undefined): number | undefined {
  return bytes === undefined ? undefined : bytes / 2 ** 20;
}

/** A number for a goal's basis: `190`, `0.214`, or `—`. */
export function show(value: number | undefined, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}
