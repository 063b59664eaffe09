import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { RequestBodies } from '@switchyard/contracts';
import { BENCH_DIR } from '../bench-paths.js';
import { redactUrl } from '../limited/redact-url.js';
import type { CleanupList } from '../processes/create-cleanup-list.js';
import { runBenchCommand } from '../processes/run-bench-command.js';
import { readMachineInfo } from '../report/read-machine-info.js';
import { checkUsageServices } from './check-usage-services.js';
import { evaluateUsageGoals } from './evaluate-usage-goals.js';
import { formatUsageReport } from './format-usage-report.js';
import { makeLoggedBodies } from './make-logged-bodies.js';
import {
  type AccountingThroughput,
  measureAccountingThroughput,
} from './measure-accounting-throughput.js';
import { measureGatewayPublishing } from './measure-gateway-publishing.js';
import type { PublishCost } from './measure-publish-cost.js';
import {
  parseUsageBenchOptions,
  USAGE_BENCH_USAGE,
  type UsageBenchOptions,
} from './parse-usage-bench-options.js';
import { readUsageBenchUrls, type UsageBenchUrls } from './read-usage-bench-urls.js';
import type { UsageBenchReport } from './usage-bench-report.js';

/**
 * `pnpm bench:usage`: what publishing usage costs the gateway per request, and how many events
 * per second accounting writes to Postgres, against the real NATS and Postgres; prints the
 * tables and writes test/bench/results/usage-<timestamp>.json.
 */
async function main(options: UsageBenchOptions, cleanups: CleanupList): Promise<void> {
  const startedAt = new Date().toISOString();
  const machine = readMachineInfo();
  const urls = readUsageBenchUrls(process.env);
  const problems = await checkUsageServices(urls);
  if (problems.length > 0) {
    throw new Error(
      `${problems.join('\n')}\nStart them, or point DATABASE_URL and NATS_URL (JetStream on) at running ones.`,
    );
  }
  const runId = randomBytes(4).toString('hex');
  const bodies = makeLoggedBodies(options.bodyBytes);
  const publishing: PublishCost[] = [];
  if (options.publish) {
    process.stderr.write('gateway publish cost …\n');
    try {
      publishing.push(
        ...(await measureGatewayPublishing({
          natsUrl: urls.natsUrl,
          runId,
          events: options.publishEvents,
          perSecond: options.publishRate,
          bodies,
          cleanups,
        })),
      );
    } finally {
      await cleanups.runAll();
    }
  }
  const accounting = options.accounting
    ? await runAccounting(options, urls, runId, bodies, cleanups)
    : [];
  const { help: _help, ...settings } = options;
  const report: UsageBenchReport = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine,
    loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100),
    settings,
    services: { databaseUrl: redactUrl(urls.databaseUrl), natsUrl: redactUrl(urls.natsUrl) },
    publishing,
    accounting,
    goals: evaluateUsageGoals(publishing, accounting),
  };
  console.log(`\n${formatUsageReport(report)}`);
  const directory = join(BENCH_DIR, 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `usage-${startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults: ${file}`);
}

/** Accounting runs: each batch size without bodies, then each with `bodyShare` of bodies. */
async function runAccounting(
  options: UsageBenchOptions,
  urls: UsageBenchUrls,
  runId: string,
  bodies: RequestBodies,
  cleanups: CleanupList,
): Promise<AccountingThroughput[]> {
  const results: AccountingThroughput[] = [];
  const runs = [0, options.bodyShare].flatMap((bodyShare) =>
    options.batchSizes.map((batchSize) => ({ batchSize, loops: options.loops, bodyShare })),
  );
  for (const [index, run] of runs.entries()) {
    process.stderr.write(
      `accounting run ${index + 1}/${runs.length}: batch ${run.batchSize}, ${run.loops} loops, ${Math.round(run.bodyShare * 100)}% with bodies\n`,
    );
    try {
      results.push(
        await measureAccountingThroughput({
          run,
          events: options.events,
          bodies,
          databaseUrl: urls.databaseUrl,
          natsUrl: urls.natsUrl,
          runId: `${runId}-${index}`,
          cleanups,
        }),
      );
    } finally {
      await cleanups.runAll();
    }
  }
  return results;
}

// It starts no process of its own: the reaper stays empty, the cleanups remove its streams and
// database however the run ends.
await runBenchCommand({
  name: 'bench:usage',
  usage: USAGE_BENCH_USAGE,
  parse: parseUsageBenchOptions,
  main: (options, _reaper, cleanups) => main(options, cleanups),
});
