import { REPO_ROOT } from '../bench-paths.js';
import { type LimitedTarget, startLimitedTarget } from '../limited/start-limited-target.js';
import type { BenchTarget } from '../load/bench-target.js';
import { readStoreUrls } from '../options/read-store-urls.js';
import type { ChildReaper } from '../processes/create-child-reaper.js';
import type { CleanupList } from '../processes/create-cleanup-list.js';
import { GC_PROBE_PRELOAD } from '../processes/create-gc-probe.js';
import { runBenchCommand } from '../processes/run-bench-command.js';
import { buildBenchServices } from '../processes/service-command.js';
import { startFastUpstream } from '../processes/start-fast-upstream.js';
import {
  SWITCHYARD_ANTHROPIC_MODEL,
  SWITCHYARD_MODEL,
  SWITCHYARD_RESPONSES_MODEL,
  switchyardBenchYaml,
} from '../processes/switchyard-bench-yaml.js';
import { formatTable } from '../report/format-table.js';
import { runScenario } from '../scenario/run-scenario.js';
import { isAnthropicKind, type Scenario, type ScenarioKind } from '../scenario/scenario.js';
import type { ScenarioResult } from '../scenario/scenario-result.js';
import { SETTLE_ROUND_REQUESTS, settleTargets } from '../scenario/settle-targets.js';
import { ANTHROPIC_VERSION } from '../start-bench-targets.js';
import { ANTHROPIC_UPSTREAM_MODEL } from '../upstream/build-anthropic-replies.js';
import { RESPONSES_UPSTREAM_MODEL } from '../upstream/build-responses-replies.js';
import { UPSTREAM_MODEL } from '../upstream/build-upstream-replies.js';
import { HOLD_MODEL } from '../upstream/create-held-streams.js';
import { AB_USAGE, type AbOptions, parseAbOptions } from './parse-ab-options.js';
import { prepareBaseBuild } from './prepare-base-build.js';
import { summarizeAb } from './summarize-ab.js';

const MASTER_KEY = 'sk-sy-bench-master-key-0123456789';
const CHUNKS = 20;

/**
 * `pnpm bench:ab`: the rate-limited gateway built from a base revision (A) and from the working
 * tree (B), side by side on one upstream, Redis, NATS and Postgres, measured in rounds that
 * alternate which goes first; prints every round and the medians with B ÷ A.
 */
async function main(options: AbOptions, reaper: ChildReaper, cleanups: CleanupList) {
  process.stderr.write(`building the working tree and ${options.base} …\n`);
  await buildBenchServices(REPO_ROOT);
  const { commit, directory: baseRoot } = await prepareBaseBuild(REPO_ROOT, options.base);
  const upstream = await startFastUpstream({ chunks: CHUNKS, reaper });
  const yaml = switchyardBenchYaml({
    upstreamOrigin: upstream.origin,
    upstreamModel: UPSTREAM_MODEL,
    holdUpstreamModel: HOLD_MODEL,
    anthropicUpstreamModel: ANTHROPIC_UPSTREAM_MODEL,
    responsesUpstreamModel: RESPONSES_UPSTREAM_MODEL,
  });
  const start = async (root: string, flags: readonly string[]): Promise<BenchTarget> => {
    const started: LimitedTarget = await startLimitedTarget({
      stores: readStoreUrls(process.env),
      yaml,
      masterKey: MASTER_KEY,
      model: SWITCHYARD_MODEL,
      logLevel: 'info',
      nodeFlags: ['--import', GC_PROBE_PRELOAD, ...flags],
      reaper,
      cleanups,
      root,
    });
    if (started.target === undefined) {
      const reason = started.status.available ? 'no target' : started.status.reason;
      throw new Error(`the gateway of ${root} did not start: ${reason}`);
    }
    return { ...forKind(started.target, options.kind), requestBody: options.body };
  };
  const sides = {
    base: await start(baseRoot, []),
    change: await start(REPO_ROOT, options.changeFlags),
  };
  const scenario: Scenario = { kind: options.kind, concurrency: options.concurrency };
  // Both reach their steady CPU per request before any round counts: otherwise the first rounds
  // measure how far V8 has got, and whichever side started first looks cheaper.
  const settling = await settleTargets({
    servers: (['base', 'change'] as const).map((side) => {
      const target = sides[side];
      if (target.gatewayPid === undefined) throw new Error(`the ${side} gateway has no process`);
      return {
        name: side === 'base' ? 'A' : 'B',
        pid: target.gatewayPid,
        loads: [{ target, kind: options.kind }],
      };
    }),
    roundRequests: SETTLE_ROUND_REQUESTS,
    maxRequests: options.settleMax,
    concurrency: options.concurrency,
  });
  const failed = settling.filter((reading) => reading.errors > 0);
  if (failed.length > 0) {
    const counts = failed.map((reading) => `${reading.target} ${reading.errors}`).join(', ');
    throw new Error(`requests failed while settling: ${counts}`);
  }
  const measured: Record<'base' | 'change', ScenarioResult[]> = { base: [], change: [] };
  process.stderr.write(
    `${options.kind} c${options.concurrency}, ${options.body} requests, ${options.requests} a round\n`,
  );
  for (let round = 0; round <= options.rounds; round += 1) {
    const order = round % 2 === 0 ? (['base', 'change'] as const) : (['change', 'base'] as const);
    for (const side of order) {
      const result = await runScenario({
        target: sides[side],
        scenario,
        warmup: options.warmup,
        measure: { requests: options.requests },
        upstreamPid: upstream.process.pid,
      });
      if (result.errors > 0) {
        throw new Error(`${side}: ${result.errors} errors: ${JSON.stringify(result.errorKinds)}`);
      }
      if (round > 0) measured[side].push(result);
      process.stderr.write(
        `  round ${round}${round === 0 ? ' (unmeasured)' : ''} ${describe(side, result)}\n`,
      );
    }
  }
  const rows = summarizeAb(measured.base, measured.change)
    // First-token rows of a chat run, say, where neither side measured anything.
    .filter((row) => row.base !== undefined || row.change !== undefined)
    .map((row) => [
      row.metric,
      show(row.base),
      show(row.change),
      row.ratio === undefined ? '—' : row.ratio.toFixed(3),
    ]);
  console.log(
    `\nA = ${options.base} (${commit.slice(0, 12)}), B = working tree${options.changeFlags.length > 0 ? ` with ${options.changeFlags.join(' ')}` : ''}; ${scenario.kind} c${scenario.concurrency}, ${options.body} requests; medians of ${options.rounds} rounds, B ÷ A the median of each round's own\n`,
  );
  console.log(formatTable(['metric', 'A', 'B', 'B ÷ A'], rows, 1));
}

/**
 * The limited gateway's target spoken to as `kind` needs: the Anthropic model for the two
 * Anthropic kinds, over Anthropic's Messages API for `messages-native`; the model of the
 * `type: openai` provider over the Responses API for `responses-native`.
 */
function forKind(target: BenchTarget, kind: ScenarioKind): BenchTarget {
  if (kind === 'responses-native')
    return { ...target, api: 'openai-responses', model: SWITCHYARD_RESPONSES_MODEL };
  if (!isAnthropicKind(kind)) return target;
  if (kind === 'stream-anthropic') return { ...target, model: SWITCHYARD_ANTHROPIC_MODEL };
  return {
    ...target,
    api: 'anthropic-messages',
    headers: { ...target.headers, 'anthropic-version': ANTHROPIC_VERSION },
    model: SWITCHYARD_ANTHROPIC_MODEL,
  };
}

function describe(side: 'base' | 'change', result: ScenarioResult): string {
  const calls = result.gatewayCallsPerRequest;
  return [
    side === 'base' ? 'A' : 'B',
    `${show(result.cpuPerRequestUs.gateway)} µs/req`,
    `${show(result.throughput)} req/s`,
    `p50 ${show(result.latency?.p50)} ms`,
    `p99 ${show(result.latency?.p99)} ms`,
    calls === undefined
      ? ''
      : `${calls.writes.toFixed(2)} writes, ${calls.reads.toFixed(2)} reads/req`,
    `survival ${show(result.youngGenerationSurvival?.percent)} %`,
  ].join(', ');
}

/** A median or reading: whole numbers from 100 up, two decimals below. */
function show(value: number | undefined): string {
  if (value === undefined) return '—';
  return value.toFixed(Math.abs(value) >= 100 ? 0 : 2);
}

await runBenchCommand({ name: 'bench:ab', usage: AB_USAGE, parse: parseAbOptions, main });
