import type { LimitedStatus } from '../limited/limited-status.js';
import type { LoadLimit } from '../load/run-load.js';
import type { PeerStatus } from '../peer-status.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import type { AdmissionCost } from '../stats/compare-admission.js';
import type { MetricComparison } from '../stats/compare-targets.js';
import type { TranslationCost } from '../stats/compare-translation.js';
import type { GoalCheck } from './evaluate-goals.js';
import type { MachineInfo } from './read-machine-info.js';

/** Everything one run measured, as printed and as written to results/<timestamp>.json. */
export interface BenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  readonly settings: {
    readonly measure: LoadLimit;
    readonly warmup: number;
    readonly prime: number;
    readonly concurrencies: readonly number[];
    readonly streamContentChunks: number;
    readonly switchyardLogLevel: string;
  };
  readonly peer: PeerStatus;
  /** The distributed gateway with a team key under rate limits (`switchyard-limited`). */
  readonly switchyardLimited: LimitedStatus;
  /** Failed requests while priming, by target (all should be 0). */
  readonly primingErrors: Readonly<Record<string, number>>;
  readonly results: readonly ScenarioResult[];
  readonly comparisons: readonly MetricComparison[];
  /** Switchyard's Anthropic-translated stream vs its OpenAI pass-through, per concurrency. */
  readonly translationCosts: readonly TranslationCost[];
  /** switchyard-limited − switchyard per scenario: what admission adds. */
  readonly admissionCosts: readonly AdmissionCost[];
  readonly goals: readonly GoalCheck[];
  /** Lines the gateways logged during the run (see extractLogLines). */
  readonly gatewayLogs: {
    readonly switchyard: readonly string[];
    readonly switchyardLimited: readonly string[];
    readonly peer: readonly string[];
  };
}
