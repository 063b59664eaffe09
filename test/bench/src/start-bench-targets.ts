import { join } from 'node:path';
import { BENCH_DIR } from './bench-paths.js';
import type { LimitedStatus } from './limited/limited-status.js';
import { type LimitedTarget, startLimitedTarget } from './limited/start-limited-target.js';
import type { BenchTarget } from './load/bench-target.js';
import { probeTarget } from './load/probe-target.js';
import type { StoreUrls } from './options/read-store-urls.js';
import type { PeerStatus } from './peer-status.js';
import type { ChildReaper } from './processes/create-child-reaper.js';
import type { CleanupList } from './processes/create-cleanup-list.js';
import { installPeer, PEER_PACKAGE, PEER_VERSION } from './processes/install-peer.js';
import { startFastUpstream } from './processes/start-fast-upstream.js';
import { startPeer } from './processes/start-peer.js';
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
import { ANTHROPIC_UPSTREAM_MODEL } from './upstream/build-anthropic-replies.js';
import { UPSTREAM_MODEL } from './upstream/build-upstream-replies.js';

const MASTER_KEY = 'sk-sy-bench-master-key-0123456789';
/** The Messages API version the direct Anthropic calls are written for (Switchyard's too). */
const ANTHROPIC_VERSION = '2023-06-01';

/** The processes a run measures, and the targets that reach the upstream through them. */
export interface BenchSetup {
  readonly upstream: StartedProcess;
  readonly switchyard: StartedProcess;
  readonly targets: ScenarioTargets;
  readonly peer: PeerStatus;
  /** The peer's process, when it started. */
  readonly peerProcess: StartedProcess | undefined;
  readonly limited: LimitedStatus;
  /** The rate-limited gateway's process, when it started. */
  readonly limitedProcess: StartedProcess | undefined;
}

/**
 * Starts the fast upstream, Switchyard in front of it, and (unless skipped) the rate-limited
 * gateway and the peer, and checks each target answers. Switchyard failing is fatal; the
 * limited gateway or the peer failing only marks it unavailable. Neither is a target of
 * `stream-anthropic`.
 */
export async function startBenchTargets(options: {
  chunks: number;
  peer: boolean;
  /** Where the rate-limited gateway's Postgres and Redis are; undefined skips it. */
  limitedStores: StoreUrls | undefined;
  logLevel: string;
  reaper: ChildReaper;
  cleanups: CleanupList;
}): Promise<BenchSetup> {
  const { reaper } = options;
  const upstream = await startFastUpstream({ chunks: options.chunks, reaper });
  const yaml = switchyardBenchYaml({
    upstreamOrigin: upstream.origin,
    upstreamModel: UPSTREAM_MODEL,
    anthropicUpstreamModel: ANTHROPIC_UPSTREAM_MODEL,
  });
  const switchyard = await startSwitchyard({
    yaml,
    masterKey: MASTER_KEY,
    logLevel: options.logLevel,
    reaper,
  });
  const switchyardHeaders = { authorization: `Bearer ${MASTER_KEY}` };
  const targets: BenchTarget[] = [
    {
      name: 'direct',
      origin: upstream.origin,
      api: 'openai-chat',
      headers: { authorization: `Bearer ${UPSTREAM_KEY}` },
      model: UPSTREAM_MODEL,
      gatewayPid: undefined,
    },
    {
      name: 'switchyard',
      origin: switchyard.origin,
      api: 'openai-chat',
      headers: switchyardHeaders,
      model: SWITCHYARD_MODEL,
      gatewayPid: switchyard.process.pid,
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
  for (const target of [...targets, ...anthropicTargets]) {
    const problem = await probeTarget(target);
    if (problem !== undefined)
      throw new Error(
        `${target.name} (${target.model}) does not answer: ${problem}\n${switchyard.output()}`,
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
          reaper,
          cleanups: options.cleanups,
        });
  // Right after switchyard, so the two are measured as close together as the run allows.
  if (limited.target !== undefined) targets.push(limited.target);
  const peer = options.peer
    ? await startPeerTarget(upstream.origin, reaper)
    : { status: { available: false, reason: 'skipped with --no-peer' } as const };
  if (peer.target !== undefined) targets.push(peer.target);
  return {
    upstream,
    switchyard,
    targets: { chat: targets, stream: targets, 'stream-anthropic': anthropicTargets },
    peer: peer.status,
    peerProcess: peer.process,
    limited: limited.status,
    limitedProcess: limited.process,
  };
}

async function startPeerTarget(
  upstreamOrigin: string,
  reaper: ChildReaper,
): Promise<{ status: PeerStatus; target?: BenchTarget; process?: StartedProcess }> {
  let started: StartedProcess | undefined;
  try {
    const entry = await installPeer(join(BENCH_DIR, '.peer'), reaper);
    started = await startPeer({ entry, reaper });
    // Portkey's documented way to reach an OpenAI-compatible server: provider openai, custom host.
    const target: BenchTarget = {
      name: 'peer',
      origin: started.origin,
      api: 'openai-chat',
      headers: {
        authorization: `Bearer ${UPSTREAM_KEY}`,
        'x-portkey-provider': 'openai',
        'x-portkey-custom-host': `${upstreamOrigin}/v1`,
      },
      model: UPSTREAM_MODEL,
      gatewayPid: started.process.pid,
    };
    const problem = await probeTarget(target);
    if (problem !== undefined) throw new Error(problem);
    return {
      status: { available: true, name: PEER_PACKAGE, version: PEER_VERSION },
      target,
      process: started,
    };
  } catch (error: unknown) {
    started?.process.kill('SIGTERM');
    const reason = error instanceof Error ? error.message : String(error);
    return { status: { available: false, reason: reason.split('\n').slice(0, 6).join(' | ') } };
  }
}
