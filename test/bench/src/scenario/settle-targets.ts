import type { BenchTarget } from '../load/bench-target.js';
import { readProcessUsage } from '../processes/read-process-usage.js';
import { hasSettled } from '../stats/has-settled.js';
import { createTargetLoad } from './create-target-load.js';
import { SCENARIO_KINDS, type ScenarioKind } from './scenario.js';
import type { ScenarioTargets } from './scenario-targets.js';

/** Unmeasured requests per settling round, split over the kinds a server is measured on. */
export const SETTLE_ROUND_REQUESTS = 2000;

/** One server to settle: its process, and the requests of every kind it is measured on. */
export interface SettleServer {
  readonly name: string;
  readonly pid: number;
  readonly loads: readonly { readonly target: BenchTarget; readonly kind: ScenarioKind }[];
}

/** How one server's CPU per request fell while the bench primed it until it settled. */
export interface SettleReading {
  readonly target: string;
  /** Unmeasured requests sent while settling (after the fixed priming). */
  readonly requests: number;
  /** CPU µs per request of each round, in order. */
  readonly roundsUs: readonly number[];
  /**
   * Why it stopped: its CPU per request stopped falling; the request cap came first; or the
   * process's CPU time could not be read (no /proc) or no request of a round succeeded.
   */
  readonly stoppedBy: 'settled' | 'cap' | 'no reading';
  /** Failed requests while settling (all should be 0). */
  readonly errors: number;
}

/**
 * Sends each server rounds of `roundRequests` unmeasured requests, split over every kind it is
 * measured on, until its CPU per request stops falling ({@link hasSettled}) or the next round
 * would pass `maxRequests`. A fixed priming is not enough: on the 2-core VM the floor needed
 * ~10,000 requests to reach its steady CPU per request and the limited gateway ~20,000, so a run
 * measured after less compares warm-ups.
 */
export async function settleTargets(options: {
  servers: readonly SettleServer[];
  roundRequests: number;
  maxRequests: number;
  concurrency: number;
}): Promise<SettleReading[]> {
  const readings: SettleReading[] = [];
  for (const server of options.servers) {
    const perKind = Math.ceil(options.roundRequests / server.loads.length);
    const perRound = perKind * server.loads.length;
    const roundsUs: number[] = [];
    let requests = 0;
    let errors = 0;
    let stoppedBy: SettleReading['stoppedBy'] = 'cap';
    while (requests + perRound <= options.maxRequests) {
      const before = readProcessUsage(server.pid);
      let succeeded = 0;
      for (const { target, kind } of server.loads) {
        const load = createTargetLoad(target, { kind, concurrency: options.concurrency });
        try {
          const outcome = await load.run({ requests: perKind });
          succeeded += outcome.samples.length;
          errors += [...outcome.errors.values()].reduce((sum, count) => sum + count, 0);
        } finally {
          await load.close();
        }
      }
      const after = readProcessUsage(server.pid);
      requests += perRound;
      if (before === undefined || after === undefined || succeeded === 0) {
        stoppedBy = 'no reading';
        break;
      }
      roundsUs.push(((after.cpuMs - before.cpuMs) * 1000) / succeeded);
      if (hasSettled(roundsUs)) {
        stoppedBy = 'settled';
        break;
      }
    }
    const reading = { target: server.name, requests, roundsUs, stoppedBy, errors };
    process.stderr.write(`  settling   ${server.name.padEnd(18)} … ${describeSettling(reading)}\n`);
    readings.push(reading);
  }
  return readings;
}

/** The servers of a run with a process (not direct), each with every kind it is measured on. */
export function serversOf(targets: ScenarioTargets): SettleServer[] {
  const byPid = new Map<number, SettleServer>();
  for (const kind of SCENARIO_KINDS) {
    for (const target of targets[kind]) {
      const pid = target.gatewayPid;
      if (pid === undefined) continue;
      const loads = [...(byPid.get(pid)?.loads ?? []), { target, kind }];
      byPid.set(pid, { name: target.name, pid, loads });
    }
  }
  return [...byPid.values()];
}

/** `14000 requests, 1460 → 380 µs/request, settled` */
export function describeSettling(reading: SettleReading): string {
  const first = reading.roundsUs[0];
  const last = reading.roundsUs.at(-1);
  const span =
    first === undefined || last === undefined
      ? 'no round measured'
      : `${Math.round(first)} → ${Math.round(last)} µs/request`;
  const end = {
    settled: 'settled',
    cap: 'not settled at --settle-max',
    'no reading': 'stopped: no CPU reading, or no request succeeded',
  }[reading.stoppedBy];
  return `${reading.requests} requests, ${span}, ${end}`;
}
