import type { BenchTarget } from '../load/bench-target.js';
import type { LoadLimit } from '../load/run-load.js';
import { readEventLoopMax } from '../processes/read-event-loop-max.js';
import { readProcessIo } from '../processes/read-process-io.js';
import { readProcessUsage } from '../processes/read-process-usage.js';
import { samplePeakRss } from '../processes/sample-peak-rss.js';
import { summarizeLatencies } from '../stats/summarize-latencies.js';
import { summarizeSurvival } from '../stats/summarize-survival.js';
import { createTargetLoad } from './create-target-load.js';
import { isStreamed, type Scenario } from './scenario.js';
import type { ScenarioResult } from './scenario-result.js';

/**
 * Runs one scenario against one target on a fresh keep-alive pool: `warmup` requests first,
 * unmeasured (they also open the pool's connections), and more until `warmupMinMs` has passed,
 * then the measured run, with the CPU time
 * each process spent during it, the gateway's system calls, peak memory, young-generation
 * survival (gc probe) and longest event-loop delay (`/metrics`, read just outside the CPU window).
 */
export async function runScenario(options: {
  target: BenchTarget;
  scenario: Scenario;
  warmup: number;
  /** The warm-up goes on at least this long (requests still counted by `warmup` when longer). */
  warmupMinMs?: number;
  measure: LoadLimit;
  upstreamPid: number | undefined;
}): Promise<ScenarioResult> {
  const { target, scenario } = options;
  const load = createTargetLoad(target, scenario);
  try {
    const warmed = options.warmup > 0 ? await load.run({ requests: options.warmup }) : undefined;
    const warmupLeftMs = (options.warmupMinMs ?? 0) - (warmed?.elapsedMs ?? 0);
    if (warmupLeftMs > 0) await load.run({ durationMs: warmupLeftMs });
    if (target.eventLoopMetrics === true) await readEventLoopMax(target.origin);
    target.gcProbe?.start();
    const rss = samplePeakRss(target.gatewayPid);
    const before = snapshotCpu(target.gatewayPid, options.upstreamPid);
    const ioBefore = target.gatewayPid === undefined ? undefined : readProcessIo(target.gatewayPid);
    const outcome = await load.run(options.measure);
    const after = snapshotCpu(target.gatewayPid, options.upstreamPid);
    const ioAfter = target.gatewayPid === undefined ? undefined : readProcessIo(target.gatewayPid);
    const gatewayPeakRssBytes = rss.stop();
    const collections = await target.gcProbe?.stop();
    const eventLoopMaxDelayMs =
      target.eventLoopMetrics === true ? await readEventLoopMax(target.origin) : undefined;
    const requests = outcome.samples.length;
    const perRequestUs = (start: number | undefined, end: number | undefined) =>
      start === undefined || end === undefined || requests === 0
        ? undefined
        : ((end - start) * 1000) / requests;
    return {
      target: target.name,
      scenario,
      requests,
      errors: [...outcome.errors.values()].reduce((sum, count) => sum + count, 0),
      errorKinds: Object.fromEntries(outcome.errors),
      elapsedMs: outcome.elapsedMs,
      throughput: requests / (outcome.elapsedMs / 1000),
      latency: summarizeLatencies(outcome.samples.map((sample) => sample.totalMs)),
      firstToken: isStreamed(scenario.kind)
        ? summarizeLatencies(outcome.samples.flatMap((sample) => sample.firstTokenMs ?? []))
        : undefined,
      cpuPerRequestUs: {
        gateway: perRequestUs(before.gateway?.cpuMs, after.gateway?.cpuMs),
        upstream: perRequestUs(before.upstream?.cpuMs, after.upstream?.cpuMs),
        loadGenerator: perRequestUs(before.self, after.self) ?? 0,
      },
      gatewayRssBytes: after.gateway?.rssBytes,
      gatewayPeakRssBytes,
      youngGenerationSurvival:
        collections === undefined ? undefined : summarizeSurvival(collections),
      eventLoopMaxDelayMs,
      gatewayCallsPerRequest:
        ioBefore === undefined || ioAfter === undefined || requests === 0
          ? undefined
          : {
              reads: (ioAfter.readCalls - ioBefore.readCalls) / requests,
              writes: (ioAfter.writeCalls - ioBefore.writeCalls) / requests,
            },
    };
  } finally {
    await load.close();
  }
}

function snapshotCpu(gatewayPid: number | undefined, upstreamPid: number | undefined) {
  const self = process.cpuUsage();
  return {
    gateway: gatewayPid === undefined ? undefined : readProcessUsage(gatewayPid),
    upstream: upstreamPid === undefined ? undefined : readProcessUsage(upstreamPid),
    self: (self.user + self.system) / 1000,
  };
}
