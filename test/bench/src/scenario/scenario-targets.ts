import type { BenchTarget } from '../load/bench-target.js';
import type { ScenarioKind } from './scenario.js';

/**
 * The targets each kind of scenario is measured on, in order. The Anthropic kinds have their own:
 * direct is the upstream's Anthropic endpoint, Switchyard is asked for the Anthropic model.
 */
export type ScenarioTargets = Readonly<Record<ScenarioKind, readonly BenchTarget[]>>;
