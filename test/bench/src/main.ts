import { parseBenchOptions } from './options/parse-bench-options.js';
import { createChildReaper } from './processes/create-child-reaper.js';
import { listScenarios, runAllScenarios } from './scenario/run-all-scenarios.js';
import { startBenchTargets } from './start-bench-targets.js';

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const reaper = createChildReaper();
  try {
    const setup = await startBenchTargets({ ...options, reaper });
    console.log(setup.peer);
    const results = await runAllScenarios({
      scenarios: listScenarios(options.concurrencies),
      targets: setup.targets,
      warmup: options.warmup,
      measure: options.measure,
      upstreamPid: setup.upstream.process.pid,
      onResult: (result) =>
        process.stderr.write(` ${result.throughput.toFixed(0)} req/s, ${result.errors} errors\n`),
    });
    console.log(JSON.stringify(results, null, 1));
  } finally {
    await reaper.stopAll();
  }
}

await main();
