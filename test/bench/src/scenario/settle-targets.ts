import type { BenchTarget } from '../load/bench-target.js';
import { readProcessUsage } from '../processes/read-process-usage.js';
import { hasSettled } from '../stats/has-settled.js';
import { createTargetLoad } from './create-target-load.js';
import { SCENARIO_KINDS, type ScenarioKind } from './scenario.js';
import type { ScenarioTargets } from './scenario-targets.js';

/** Unmeasured requests per settling round, split over the kinds a server is measured on. */
export const SETTLE_ROUND_REQUESTS = 2000;

/** How one server's CPU per request fell while the bench primed it until it settled. */
export interface SettleReading {
  readonly target: string;
  /** Unmeasured requests sent while settling (after the fixed priming). */
  readonly requests: number;
  /** CPU µs per request of each round, in order. */
  readonly roundsUs: readonly number[];
  /** False when it hit the request cap still getting cheaper. */
  readonly settled: boolean;
  /** Failed requests while settling (all should be 0). */
  readonly errors: number;
}

/**
 * Sends every server with a process (the floor, Switchyard, the limited gateway, the peer) rounds
 * of `roundRequests` unmeasured requests, split over every kind it is measured on, until its CPU
 * per request stops falling ({@link hasSettled}) or `maxRequests` were sent. A fixed priming is
 * not enough: on the 2-core VM the floor needed ~10,000 requests to reach its steady CPU per
 * request and the limited gateway ~20,000, so a run measured after less compares warm-ups.
 */
export async function settleTargets(options: {
  targets: ScenarioTargets;
  roundRequests: number;
  maxRequests: number;
  concurrency: number;
}): Promise<SettleReading[]> {
  const readings: SettleReading[] = [];
  if (options.maxRequests === 0) return readings;
  for (const [pid, kinds] of groupByProcess(options.targets)) {
    const name = kinds[0]?.target.name ?? String(pid);
    const perKind = Math.ceil(options.roundRequests / kinds.length);
    const roundsUs: number[] = [];
    let requests = 0;
    let errors = 0;
    while (!hasSettled(roundsUs) && requests < options.maxRequests) {
      const before = readProcessUsage(pid);
      let sent = 0;
      for (const { target, kind } of kinds) {
        const load = createTargetLoad(target, { kind, concurrency: options.concurrency });
        try {
          const outcome = await load.run({ requests: perKind });
          sent += outcome.samples.length;
          errors += [...outcome.errors.values()].reduce((sum, count) => sum + count, 0);
        } finally {
          await load.close();
        }
      }
      const after = readProcessUsage(pid);
      requests += perKind * kinds.length;
      if (before === undefined || after === undefined || sent === 0) break;
      roundsUs.push(((after.cpuMs - before.cpuMs) * 1000) / sent);
    }
    const reading = { target: name, requests, roundsUs, settled: hasSettled(roundsUs), errors };
    process.stderr.write(`  settling   ${name.padEnd(18)} … ${describeSettling(reading)}\n`);
    readings.push(reading);
  }
  return readings;
}

/** `14000 requests, 1460 → 380 µs/request, settled` */
export function describeSettling(reading: SettleReading): string {
  const first = reading.roundsUs[0];
  const last = reading.roundsUs.at(-1);
  const span =
    first === undefined || last === undefined
      ? 'no CPU reading'
      : `${Math.round(first)} → ${Math.round(last)} µs/request`;
  return `${reading.requests} requests, ${span}, ${reading.settled ? 'settled' : 'still falling at the cap'}`;
}

/** Each server's process id with the kinds (and that kind's target) it is measured on. */
function groupByProcess(
  targets: ScenarioTargets,
): Map<number, { target: BenchTarget; kind: ScenarioKind }[]> {
  const byPid = new Map<number, { target: BenchTarget; kind: ScenarioKind }[]>();
  for (const kind of SCENARIO_KINDS) {
    for (const target of targets[kind]) {
      if (target.gatewayPid === undefined) continue;
      byPid.set(target.gatewayPid, [...(byPid.get(target.gatewayPid) ?? []), { target, kind }]);
    }
  }
  return byPid;
}
