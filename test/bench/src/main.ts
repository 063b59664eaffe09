import { join } from 'node:path';
import { BENCH_DIR } from './bench-paths.js';
import {
  BENCH_USAGE,
  type BenchOptions,
  parseBenchOptions,
} from './options/parse-bench-options.js';
import { readStoreUrls } from './options/read-store-urls.js';
import { type ChildReaper, createChildReaper } from './processes/create-child-reaper.js';
import { type CleanupList, createCleanupList } from './processes/create-cleanup-list.js';
import type { BenchReport } from './report/bench-report.js';
import { evaluateGoals } from './report/evaluate-goals.js';
import { extractLogLines } from './report/extract-log-lines.js';
import { formatReport } from './report/format-report.js';
import { readMachineInfo } from './report/read-machine-info.js';
import { writeResults } from './report/write-results.js';
import { primeTargets } from './scenario/prime-targets.js';
import { listScenarios, runAllScenarios } from './scenario/run-all-scenarios.js';
import { startBenchTargets } from './start-bench-targets.js';
import { compareAdmission } from './stats/compare-admission.js';
import { compareAllScenarios } from './stats/compare-all-scenarios.js';
import { compareTranslation } from './stats/compare-translation.js';

/**
 * `pnpm bench`: direct, Switchyard, Switchyard under rate limits and a peer gateway in front of
 * the same fast upstream, in one run, plus Switchyard translating the upstream's Anthropic
 * stream; prints the tables and writes test/bench/results/<timestamp>.json.
 */
async function main(
  options: BenchOptions,
  reaper: ChildReaper,
  cleanups: CleanupList,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = readMachineInfo();
  process.stderr.write('starting upstream, switchyard, switchyard-limited and peer …\n');
  const setup = await startBenchTargets({
    ...options,
    limitedStores: options.limited ? readStoreUrls(process.env) : undefined,
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
  const results = await runAllScenarios({
    scenarios,
    targets: setup.targets,
    warmup: options.warmup,
    measure: options.measure,
    upstreamPid: setup.upstream.process.pid,
  });
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
      concurrencies: options.concurrencies,
      streamContentChunks: options.chunks,
      switchyardLogLevel: options.logLevel,
    },
    peer: setup.peer,
    switchyardLimited: setup.limited,
    primingErrors: Object.fromEntries(primingErrors),
    results,
    comparisons,
    translationCosts: compareTranslation(results, options.concurrencies, options.chunks),
    admissionCosts,
    goals: evaluateGoals(comparisons, admissionCosts),
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

let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
if (options.help) {
  console.log(BENCH_USAGE);
  process.exit(0);
}
const reaper = createChildReaper();
const cleanups = createCleanupList();
// Ctrl-C, a kill, or any failure: every child goes down with the bench, then the database it
// created is dropped (not on a synchronous exit, which cannot wait for Postgres).
process.on('exit', () => reaper.killAllNow());
for (const [signal, number] of [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the bench's processes …\n`);
    void reaper
      .stopAll(1000)
      .then(() => cleanups.runAll())
      .finally(() => process.exit(128 + number));
  });
}
try {
  await main(options, reaper, cleanups);
} catch (error: unknown) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await reaper.stopAll();
  await cleanups.runAll();
}
