import type { BenchTarget } from '../load/bench-target.js';
import type { BenchScenarioKind } from './scenario.js';

/**
 * The targets each kind of a full run's scenarios is measured on, in order. The Anthropic kinds
 * have their own: direct is the upstream's Anthropic endpoint, Switchyard is asked for the
 * Anthropic model.
 */
export type ScenarioTargets = Readonly<Record<BenchScenarioKind, readonly BenchTarget[]>>;
