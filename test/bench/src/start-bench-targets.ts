import type { LimitedStatus } from './limited/limited-status.js';
import { type LimitedTarget, startLimitedTarget } from './limited/start-limited-target.js';
import type { BenchTarget } from './load/bench-target.js';
import { probeTarget } from './load/probe-target.js';
import type { StoreUrls } from './options/read-store-urls.js';
import type { PeerStatus } from './peer-status.js';
import type { ChildReaper } from './processes/create-child-reaper.js';
import type { CleanupList } from './processes/create-cleanup-list.js';
import { createGcProbe, GC_PROBE_PRELOAD } from './processes/create-gc-probe.js';
import { readProcessUsage } from './processes/read-process-usage.js';
import { startFastUpstream } from './processes/start-fast-upstream.js';
import { startFloor } from './processes/start-floor.js';
import { startSwitchyard } from './processes/start-switchyard.js';
import type { StartedProcess } from './processes/started-process.js';
import {
  ANTHROPIC_UPSTREAM_KEY,
  SWITCHYARD_ANTHROPIC_MODEL,
  SWITCHYARD_MODEL,
  switchyardBenchYaml,
  UPSTREAM_KEY,
} from './processes/switchyard-bench-yaml.js';
import type { ScenarioTargets } from './scenario/scenario-targets.js';
import { startPeerTarget } from './start-peer-target.js';
import { measureStandaloneStart } from './startup/measure-standalone-start.js';
import type { StartupReadings } from './startup/startup-readings.js';
import { ANTHROPIC_UPSTREAM_MODEL } from './upstream/build-anthropic-replies.js';
import { RESPONSES_UPSTREAM_MODEL } from './upstream/build-responses-replies.js';
import { UPSTREAM_MODEL } from './upstream/build-upstream-replies.js';
import { HOLD_MODEL } from './upstream/create-held-streams.js';

const MASTER_KEY = 'sk-sy-bench-master-key-0123456789';
/** The Messages API version the direct Anthropic calls are written for (Switchyard's too). */
export const ANTHROPIC_VERSION = '2023-06-01';

/** The processes a run measures, and the targets that reach the upstream through them. */
export interface BenchSetup {
  readonly upstream: StartedProcess;
  readonly switchyard: StartedProcess;
  readonly targets: ScenarioTargets;
  /** The floor proxy and the distributed gateway (when it started), for the open-streams scenario. */
  readonly openStreamTargets: readonly BenchTarget[];
  readonly peer: PeerStatus;
  /** The peer's process, when it started. */
  readonly peerProcess: StartedProcess | undefined;
  readonly limited: LimitedStatus;
  /** The rate-limited gateway's process, when it started. */
  readonly limitedProcess: StartedProcess | undefined;
  readonly startup: StartupReadings;
}

/**
 * Starts the fast upstream, Switchyard standalone in front of it (timing its first request after
 * the banner), the floor proxy, and (unless skipped) the rate-limited gateway and the peer, and
 * checks each target answers. Switchyard or the floor failing is fatal; the limited gateway or
 * the peer failing only marks it unavailable. Switchyard's processes and the floor run with the
 * gc probe and `serverFlags` (e.g. `--cpu-prof`) on Switchyard's.
 */
export async function startBenchTargets(options: {
  chunks: number;
  peer: boolean;
  /** Where the rate-limited gateway's Postgres, Redis and NATS are; undefined skips it. */
  limitedStores: StoreUrls | undefined;
  logLevel: string;
  serverFlags: readonly string[];
  reaper: ChildReaper;
  cleanups: CleanupList;
}): Promise<BenchSetup> {
  const { reaper } = options;
  const nodeFlags = ['--import', GC_PROBE_PRELOAD, ...options.serverFlags];
  const upstream = await startFastUpstream({ chunks: options.chunks, reaper });
  const yaml = switchyardBenchYaml({
    upstreamOrigin: upstream.origin,
    upstreamModel: UPSTREAM_MODEL,
    holdUpstreamModel: HOLD_MODEL,
    anthropicUpstreamModel: ANTHROPIC_UPSTREAM_MODEL,
    responsesUpstreamModel: RESPONSES_UPSTREAM_MODEL,
  });
  const switchyard = await startSwitchyard({
    yaml,
    masterKey: MASTER_KEY,
    logLevel: options.logLevel,
    nodeFlags,
    reaper,
  });
  const switchyardHeaders = { authorization: `Bearer ${MASTER_KEY}` };
  const standaloneStart = await measureStandaloneStart({
    standalone: switchyard,
    headers: switchyardHeaders,
    model: SWITCHYARD_MODEL,
  });
  const floor = await startFloor({ upstreamOrigin: upstream.origin, reaper });
  const upstreamHeaders = { authorization: `Bearer ${UPSTREAM_KEY}` };
  const floorTarget: BenchTarget = {
    name: 'floor',
    origin: floor.origin,
    api: 'openai-chat',
    headers: upstreamHeaders,
    model: UPSTREAM_MODEL,
    gatewayPid: floor.process.pid,
    gcProbe: createGcProbe(floor.process),
  };
  const targets: BenchTarget[] = [
    {
      name: 'direct',
      origin: upstream.origin,
      api: 'openai-chat',
      headers: upstreamHeaders,
      model: UPSTREAM_MODEL,
      gatewayPid: undefined,
    },
    floorTarget,
    {
      name: 'switchyard',
      origin: switchyard.origin,
      api: 'openai-chat',
      headers: switchyardHeaders,
      model: SWITCHYARD_MODEL,
      gatewayPid: switchyard.process.pid,
      gcProbe: createGcProbe(switchyard.process),
      eventLoopMetrics: true,
    },
  ];
  // The same OpenAI request to Switchyard, for a model it translates from Anthropic; direct is
  // the upstream's Anthropic endpoint, spoken to as Anthropic's SDK would.
  const anthropicTargets: BenchTarget[] = [
    {
      name: 'direct',
      origin: upstream.origin,
      api: 'anthropic-messages',
      headers: { 'x-api-key': ANTHROPIC_UPSTREAM_KEY, 'anthropic-version': ANTHROPIC_VERSION },
      model: ANTHROPIC_UPSTREAM_MODEL,
      gatewayPid: undefined,
    },
    {
      name: 'switchyard',
      origin: switchyard.origin,
      api: 'openai-chat',
      headers: switchyardHeaders,
      model: SWITCHYARD_ANTHROPIC_MODEL,
      gatewayPid: switchyard.process.pid,
    },
  ];
  // An Anthropic Messages stream to Switchyard for the same model, as Anthropic's SDK sends it;
  // direct is the same upstream endpoint.
  const messagesTargets: BenchTarget[] = [
    anthropicTargets[0] as BenchTarget,
    {
      name: 'switchyard',
      origin: switchyard.origin,
      api: 'anthropic-messages',
      headers: { ...switchyardHeaders, 'anthropic-version': ANTHROPIC_VERSION },
      model: SWITCHYARD_ANTHROPIC_MODEL,
      gatewayPid: switchyard.process.pid,
    },
  ];
  for (const target of [...targets, ...anthropicTargets, messagesTargets[1] as BenchTarget]) {
    const problem = await probeTarget(target);
    if (problem !== undefined)
      throw new Error(
        `${target.name} (${target.model}) does not answer: ${problem}\n${switchyard.output()}\n${floor.output()}`,
      );
  }
  const limited: LimitedTarget =
    options.limitedStores === undefined
      ? { status: { available: false, reason: 'skipped with --no-limited' } }
      : await startLimitedTarget({
          stores: options.limitedStores,
          yaml,
          masterKey: MASTER_KEY,
          model: SWITCHYARD_MODEL,
          logLevel: options.logLevel,
          nodeFlags,
          reaper,
          cleanups: options.cleanups,
        });
  // Right after switchyard, so the two are measured as close together as the run allows.
  if (limited.target !== undefined) targets.push(limited.target);
  const peer = options.peer
    ? await startPeerTarget(upstream.origin, reaper)
    : { status: { available: false, reason: 'skipped with --no-peer' } as const };
  if (peer.target !== undefined) targets.push(peer.target);
  const idleRssBytes = Object.fromEntries(
    targets
      .filter((target) => target.gatewayPid !== undefined)
      .map((target) => [target.name, readRss(target.gatewayPid)]),
  );
  return {
    upstream,
    switchyard,
    targets: {
      chat: targets,
      stream: targets,
      'stream-anthropic': anthropicTargets,
      'messages-native': messagesTargets,
    },
    openStreamTargets: [floorTarget, ...(limited.target === undefined ? [] : [limited.target])],
    peer: peer.status,
    peerProcess: peer.process,
    limited: limited.status,
    limitedProcess: limited.process,
    startup: {
      standaloneFirstRequestMs: standaloneStart.firstRequestMs,
      standaloneReadyMs: standaloneStart.readyMs,
      standaloneFirstRequestEventLoopMaxMs: standaloneStart.firstRequestEventLoopMaxMs,
      standaloneStartEventLoopMaxMs: standaloneStart.eventLoopMaxMs,
      gatewayReadyMs: limited.readyMs,
      floorListeningMs: floor.listeningMs,
      idleRssBytes,
    },
  };
}

function readRss(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : readProcessUsage(pid)?.rssBytes;
}
