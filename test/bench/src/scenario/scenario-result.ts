import type { TargetName } from '../load/bench-target.js';
import type { LatencySummary } from '../stats/summarize-latencies.js';
import type { YoungGenerationSurvival } from '../stats/summarize-survival.js';
import type { Scenario } from './scenario.js';

/** CPU time each process spent per successful measured request, µs. */
export interface CpuPerRequest {
  /** The gateway's process (undefined for `direct`, or where /proc is missing). */
  readonly gateway: number | undefined;
  readonly upstream: number | undefined;
  /** This process: the load generator. */
  readonly loadGenerator: number;
}

/** Everything measured for one target in one scenario (after warm-up). */
export interface ScenarioResult {
  readonly target: TargetName;
  readonly scenario: Scenario;
  /** Successful measured requests. */
  readonly requests: number;
  readonly errors: number;
  /** Failures grouped by description, e.g. `{ "status 502: …": 3 }`. */
  readonly errorKinds: Readonly<Record<string, number>>;
  readonly elapsedMs: number;
  /** Successful requests per second of wall time. */
  readonly throughput: number;
  /** Request start to last byte of the body (for streams: the whole stream). */
  readonly latency: LatencySummary | undefined;
  /** Streams only: request start to the first event with content. */
  readonly firstToken: LatencySummary | undefined;
  readonly cpuPerRequestUs: CpuPerRequest;
  /** The gateway's resident memory after the measurement. */
  readonly gatewayRssBytes: number | undefined;
  /** The most the gateway's resident memory reached during the measurement (sampled every 100 ms). */
  readonly gatewayPeakRssBytes: number | undefined;
  /** Of the gateway's young generation, what survived its collections during the measurement. */
  readonly youngGenerationSurvival: YoungGenerationSurvival | undefined;
  /** The gateway's longest event-loop delay during the measurement, ms (Switchyard's only). */
  readonly eventLoopMaxDelayMs: number | undefined;
  /** The gateway's read and write system calls per successful measured request. */
  readonly gatewayCallsPerRequest: { readonly reads: number; readonly writes: number } | undefined;
}
