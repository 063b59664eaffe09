import { join } from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './bench-paths.js';
import type { RequestBody } from './load/bench-target.js';
import { measureOpenStreams } from './open-streams/measure-open-streams.js';
import type { OpenStreamsResult } from './open-streams/open-streams-result.js';
import {
  BENCH_USAGE,
  type BenchOptions,
  parseBenchOptions,
} from './options/parse-bench-options.js';
import { readStoreUrls } from './options/read-store-urls.js';
import type { ChildReaper } from './processes/create-child-reaper.js';
import type { CleanupList } from './processes/create-cleanup-list.js';
import { runBenchCommand } from './processes/run-bench-command.js';
import { buildBenchServices } from './processes/service-command.js';
import { SWITCHYARD_HOLD_MODEL } from './processes/switchyard-bench-yaml.js';
import type { BenchReport } from './report/bench-report.js';
import { evaluateGoals } from './report/evaluate-goals.js';
import { extractLogLines } from './report/extract-log-lines.js';
import { formatReport } from './report/format-report.js';
import { readMachineInfo } from './report/read-machine-info.js';
import { writeResults } from './report/write-results.js';
import { primeTargets } from './scenario/prime-targets.js';
import { listScenarios, runAllScenarios } from './scenario/run-all-scenarios.js';
import { SETTLE_ROUND_REQUESTS, serversOf, settleTargets } from './scenario/settle-targets.js';
import { type BenchSetup, startBenchTargets } from './start-bench-targets.js';
import { compareAdmission } from './stats/compare-admission.js';
import { compareAllScenarios } from './stats/compare-all-scenarios.js';
import { compareTranslation } from './stats/compare-translation.js';
import { HOLD_MODEL } from './upstream/create-held-streams.js';

/**
 * `pnpm bench`: direct, the floor proxy, Switchyard, Switchyard under rate limits and a peer
 * gateway in front of the same fast upstream, in one run, plus Switchyard translating the
 * upstream's Anthropic stream and thousands of streams held open; prints the tables and the
 * goals, and writes test/bench/results/<timestamp>.json.
 */
async function main(
  options: BenchOptions,
  reaper: ChildReaper,
  cleanups: CleanupList,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = readMachineInfo();
  process.stderr.write('building the gateway and standalone bundles …\n');
  await buildBenchServices(REPO_ROOT);
  process.stderr.write('starting upstream, switchyard, floor, switchyard-limited and peer …\n');
  const setup = await startBenchTargets({
    ...options,
    limitedStores: options.limited ? readStoreUrls(process.env) : undefined,
    serverFlags:
      options.cpuProfileDir === undefined
        ? []
        : ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`],
    reaper,
    cleanups,
  });
  if (!setup.limited.available)
    process.stderr.write(`switchyard-limited: unavailable (${setup.limited.reason})\n`);
  if (!setup.peer.available) process.stderr.write(`peer: unavailable (${setup.peer.reason})\n`);
  const scenarios = listScenarios(options.concurrencies);
  const primingErrors = await primeTargets({
    targets: setup.targets,
    requests: options.prime,
    concurrency: Math.max(...options.concurrencies),
  });
  const settling = await settleTargets({
    servers: serversOf(setup.targets),
    roundRequests: SETTLE_ROUND_REQUESTS,
    maxRequests: options.settleMax,
    concurrency: Math.max(...options.concurrencies),
  });
  const results = await runAllScenarios({
    scenarios,
    targets: setup.targets,
    warmup: options.warmup,
    measure: options.measure,
    upstreamPid: setup.upstream.process.pid,
  });
  const openStreams = [
    ...(await runOpenStreams(setup, options.openStreams, 'short')),
    ...(await runOpenStreams(setup, options.openAgentStreams, 'agent')),
  ];
  const comparisons = compareAllScenarios(scenarios, results);
  const admissionCosts = compareAdmission(scenarios, results);
  const report: BenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    settings: {
      measure: options.measure,
      warmup: options.warmup,
      prime: options.prime,
      settleMax: options.settleMax,
      concurrencies: options.concurrencies,
      streamContentChunks: options.chunks,
      switchyardLogLevel: options.logLevel,
      openStreams: options.openStreams,
      openAgentStreams: options.openAgentStreams,
    },
    startup: setup.startup,
    peer: setup.peer,
    switchyardLimited: setup.limited,
    primingErrors: Object.fromEntries(primingErrors),
    settling,
    results,
    comparisons,
    translationCosts: compareTranslation(results, options.concurrencies, options.chunks),
    admissionCosts,
    openStreams,
    goals: evaluateGoals({ results, admissionCosts, openStreams, startup: setup.startup }),
    gatewayLogs: {
      switchyard: extractLogLines(setup.switchyard.output(), 'switchyard'),
      switchyardLimited:
        setup.limitedProcess === undefined
          ? []
          : extractLogLines(setup.limitedProcess.output(), 'switchyard'),
      peer:
        setup.peerProcess === undefined ? [] : extractLogLines(setup.peerProcess.output(), 'peer'),
    },
  };
  console.log(`\n${formatReport(report)}`);
  const file = writeResults(join(BENCH_DIR, 'results'), report);
  console.log(`\nresults: ${file}`);
}

/** The open-streams scenario on the floor, then on the gateway, after every other scenario. */
async function runOpenStreams(
  setup: BenchSetup,
  streams: number,
  body: RequestBody,
): Promise<OpenStreamsResult[]> {
  const results: OpenStreamsResult[] = [];
  if (streams === 0) return results;
  for (const target of setup.openStreamTargets) {
    process.stderr.write(`  open streams ×${streams} (${body})  ${target.name.padEnd(18)} …`);
    const result = await measureOpenStreams({
      target,
      model: target.name === 'floor' ? HOLD_MODEL : SWITCHYARD_HOLD_MODEL,
      body,
      streams,
      upstreamOrigin: setup.upstream.origin,
    });
    process.stderr.write(
      ` ${result.maxAtUpstream} at the upstream at once, ${result.completed} completed\n`,
    );
    results.push(result);
  }
  return results;
}

await runBenchCommand({
  name: 'bench',
  usage: BENCH_USAGE,
  parse: parseBenchOptions,
  main,
  // Time for a graceful exit: that is when a process started with --cpu-prof writes its profile.
  stopGraceMs: 10_000,
});
