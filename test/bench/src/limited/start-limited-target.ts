import { randomBytes } from 'node:crypto';
import type { BenchTarget } from '../load/bench-target.js';
import { probeTarget } from '../load/probe-target.js';
import type { StoreUrls } from '../options/read-store-urls.js';
import type { ChildReaper } from '../processes/create-child-reaper.js';
import type { CleanupList } from '../processes/create-cleanup-list.js';
import { createGcProbe } from '../processes/create-gc-probe.js';
import { startLimitedGateway } from '../processes/start-limited-gateway.js';
import type { StartedProcess } from '../processes/started-process.js';
import { createBenchNamespace, ensureUsageStream } from '../usage/open-bench-bus.js';
import { BENCH_LIMITS } from './bench-limits.js';
import { checkAdmission } from './check-admission.js';
import { checkStores } from './check-stores.js';
import type { LimitedStatus } from './limited-status.js';
import { prepareLimitedDatabase } from './prepare-limited-database.js';
import { redactUrl } from './redact-url.js';

/** The rate-limited gateway as a target, or why it is not one. */
export interface LimitedTarget {
  readonly status: LimitedStatus;
  readonly target?: BenchTarget;
  readonly process?: StartedProcess;
  /** Spawn → the first 200 from `/readyz`, ms. */
  readonly readyMs?: number;
}

/**
 * Starts the distributed gateway on a fresh accounting database (dropped through `cleanups`),
 * Redis and a NATS namespace of the run's own (its usage stream created as accounting would, and
 * deleted through `cleanups`), with a team key under {@link BENCH_LIMITS}, and checks that it
 * answers and admits. Any failure — a store unreachable included — only marks it unavailable.
 */
export async function startLimitedTarget(options: {
  stores: StoreUrls;
  yaml: string;
  masterKey: string;
  model: string;
  logLevel: string;
  nodeFlags: readonly string[];
  reaper: ChildReaper;
  cleanups: CleanupList;
  /** The checkout whose gateway build runs; this one by default. */
  root?: string;
}): Promise<LimitedTarget> {
  const { stores } = options;
  let started: StartedProcess | undefined;
  try {
    const unreachable = await checkStores(stores);
    if (unreachable !== undefined) throw new Error(unreachable);
    const pepper = randomBytes(24).toString('base64url');
    const database = await prepareLimitedDatabase({
      serverUrl: stores.databaseUrl,
      pepper,
      model: options.model,
      limits: BENCH_LIMITS,
    });
    options.cleanups.add(database.drop);
    const namespace = createBenchNamespace(stores.natsUrl);
    const bus = await namespace.connect('switchyard-bench');
    options.cleanups.add(namespace.deleteStreams);
    try {
      await ensureUsageStream(bus);
    } finally {
      await bus.close();
    }
    const gateway = await startLimitedGateway({
      yaml: options.yaml,
      masterKey: options.masterKey,
      databaseUrl: database.url,
      redisUrl: stores.redisUrl,
      natsUrl: stores.natsUrl,
      natsNamespace: namespace.name,
      pepper,
      logLevel: options.logLevel,
      nodeFlags: options.nodeFlags,
      reaper: options.reaper,
      ...(options.root === undefined ? {} : { root: options.root }),
    });
    started = gateway;
    const target: BenchTarget = {
      name: 'switchyard-limited',
      origin: started.origin,
      api: 'openai-chat',
      headers: { authorization: `Bearer ${database.secret}` },
      model: options.model,
      gatewayPid: started.process.pid,
      gcProbe: createGcProbe(started.process),
      eventLoopMetrics: true,
    };
    const problem = (await probeTarget(target)) ?? (await checkAdmission(target, BENCH_LIMITS.rpm));
    if (problem !== undefined) throw new Error(`${problem}\n${started.output()}`);
    return {
      status: {
        available: true,
        database: database.name,
        postgres: redactUrl(stores.databaseUrl),
        redis: redactUrl(stores.redisUrl),
        nats: `${redactUrl(stores.natsUrl)}, namespace ${namespace.name}`,
        limits: BENCH_LIMITS,
      },
      target,
      process: started,
      readyMs: gateway.readyMs,
    };
  } catch (error: unknown) {
    started?.process.kill('SIGTERM');
    const reason = error instanceof Error ? error.message : String(error);
    return { status: { available: false, reason: reason.split('\n').slice(0, 6).join(' | ') } };
  }
}
