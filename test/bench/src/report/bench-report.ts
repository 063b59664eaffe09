import type { LimitedStatus } from '../limited/limited-status.js';
import type { LoadLimit } from '../load/run-load.js';
import type { OpenStreamsResult } from '../open-streams/open-streams-result.js';
import type { PeerStatus } from '../peer-status.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import type { SettleReading } from '../scenario/settle-targets.js';
import type { StartupReadings } from '../startup/startup-readings.js';
import type { AdmissionCost } from '../stats/compare-admission.js';
import type { MetricComparison } from '../stats/compare-targets.js';
import type { TranslationCost } from '../stats/compare-translation.js';
import type { GoalCheck } from './goal-check.js';
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
    /** Most unmeasured requests per server while settling it (0: not settled). */
    readonly settleMax: number;
    readonly concurrencies: readonly number[];
    readonly streamContentChunks: number;
    readonly switchyardLogLevel: string;
    /** Streams held open at once in the open-streams scenario (0: skipped). */
    readonly openStreams: number;
    readonly openAgentStreams: number;
  };
  /** Start-up times and idle memory of the measured servers. */
  readonly startup: StartupReadings;
  readonly peer: PeerStatus;
  /** The distributed gateway with a team key under rate limits (`switchyard-limited`). */
  readonly switchyardLimited: LimitedStatus;
  /** Failed requests while priming, by target (all should be 0). */
  readonly primingErrors: Readonly<Record<string, number>>;
  /** Each server's CPU per request while it was settled after priming. */
  readonly settling: readonly SettleReading[];
  readonly results: readonly ScenarioResult[];
  readonly comparisons: readonly MetricComparison[];
  /** Switchyard's Anthropic-translated stream vs its OpenAI pass-through, per concurrency. */
  readonly translationCosts: readonly TranslationCost[];
  /** switchyard-limited − switchyard per scenario: what admission adds. */
  readonly admissionCosts: readonly AdmissionCost[];
  /** Streams held open at once through the floor and the gateway. */
  readonly openStreams: readonly OpenStreamsResult[];
  readonly goals: readonly GoalCheck[];
  /** Lines the gateways logged during the run (see extractLogLines). */
  readonly gatewayLogs: {
    readonly switchyard: readonly string[];
    readonly switchyardLimited: readonly string[];
    readonly peer: readonly string[];
  };
}
