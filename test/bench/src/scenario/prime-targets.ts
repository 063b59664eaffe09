import { createTargetLoad } from './create-target-load.js';
import { SCENARIO_KINDS } from './scenario.js';
import type { ScenarioTargets } from './scenario-targets.js';

/**
 * Sends `requests / 2` unmeasured requests of every kind to each of that kind's targets before
 * any scenario: every target gets half chat, half stream, and the Anthropic-translated stream's
 * targets as many again. V8 optimizes a server's hot paths only after thousands of requests:
 * without this the first scenarios measure the JIT, not the gateway. Returns failures by target.
 */
export async function primeTargets(options: {
  targets: ScenarioTargets;
  requests: number;
  concurrency: number;
}): Promise<Map<string, number>> {
  const failures = new Map<string, number>();
  if (options.requests === 0) return failures;
  const perKind = Math.ceil(options.requests / 2);
  for (const kind of SCENARIO_KINDS) {
    for (const target of options.targets[kind]) {
      process.stderr.write(
        `  priming    ${kind.padEnd(16)} ${target.name.padEnd(18)} … ${perKind} requests\n`,
      );
      const load = createTargetLoad(target, { kind, concurrency: options.concurrency });
      try {
        const outcome = await load.run({ requests: perKind });
        const errors = [...outcome.errors.values()].reduce((sum, count) => sum + count, 0);
        failures.set(target.name, (failures.get(target.name) ?? 0) + errors);
      } finally {
        await load.close();
      }
    }
  }
  return failures;
}
