import { join } from 'node:path';
import { BENCH_DIR } from './bench-paths.js';
import type { BenchTarget } from './load/bench-target.js';
import { probeTarget } from './load/probe-target.js';
import type { PeerStatus } from './peer-status.js';
import type { ChildReaper } from './processes/create-child-reaper.js';
import { installPeer, PEER_PACKAGE, PEER_VERSION } from './processes/install-peer.js';
import { startPeer } from './processes/start-peer.js';
import type { StartedProcess } from './processes/started-process.js';
import { UPSTREAM_KEY } from './processes/switchyard-bench-yaml.js';
import { UPSTREAM_MODEL } from './upstream/build-upstream-replies.js';

/** Installs and starts the peer gateway in front of the upstream, or says why it is not a target. */
export async function startPeerTarget(
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
