import type { BenchTarget } from '../load/bench-target.js';
import { createTargetLoad } from './create-target-load.js';

/**
 * Sends `requests` unmeasured requests to every target, half chat and half stream, before any
 * scenario. V8 optimizes a server's hot paths only after thousands of requests: without this
 * the first scenarios measure the JIT, not the gateway. Returns the failures seen, by target.
 */
export async function primeTargets(options: {
  targets: readonly BenchTarget[];
  requests: number;
  concurrency: number;
}): Promise<Map<string, number>> {
  const failures = new Map<string, number>();
  if (options.requests === 0) return failures;
  for (const target of options.targets) {
    process.stderr.write(`  priming    ${target.name.padEnd(10)} … ${options.requests} requests\n`);
    for (const kind of ['chat', 'stream'] as const) {
      const load = createTargetLoad(target, { kind, concurrency: options.concurrency });
      try {
        const outcome = await load.run({ requests: Math.ceil(options.requests / 2) });
        const errors = [...outcome.errors.values()].reduce((sum, count) => sum + count, 0);
        failures.set(target.name, (failures.get(target.name) ?? 0) + errors);
      } finally {
        await load.close();
      }
    }
  }
  return failures;
}
