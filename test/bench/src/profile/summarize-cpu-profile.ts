/** The parts of a V8 `.cpuprofile` (what `node --cpu-prof` writes) that self time needs. */
export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
    };
  }[];
  readonly samples: readonly number[];
  /** µs before each sample since the previous one. */
  readonly timeDeltas: readonly number[];
}

/** One function's self time over a profile. */
export interface FunctionCost {
  /** `name location:line`, the key functions are grouped by. */
  readonly function: string;
  readonly selfMs: number;
  /** Share of the busy time (everything but `(idle)`), %. */
  readonly busyPercent: number;
}

/** Where the profiled process spent its time, by function. */
export interface CpuProfileSummary {
  readonly totalMs: number;
  /** Total minus `(idle)`. */
  readonly busyMs: number;
  /** Every function, most self time first. */
  readonly functions: readonly FunctionCost[];
}

/**
 * Aggregates self time by function: each sample is charged the interval until the next one, to
 * the function on top of the stack then; functions are grouped by name and source position (the
 * same function reached through different call paths is one row). Paths are shortened to the
 * package (`undici/…`) or repository path (`services/…`). Samples in the first `skipMs` of the
 * profile (start-up: module loading and compiling) are left out.
 */
export function summarizeCpuProfile(profile: CpuProfile, skipMs = 0): CpuProfileSummary {
  const keyOf = new Map(profile.nodes.map((node) => [node.id, functionKey(node.callFrame)]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  let elapsedUs = 0;
  for (let index = 0; index < profile.samples.length; index += 1) {
    elapsedUs += profile.timeDeltas[index] ?? 0;
    if (elapsedUs < skipMs * 1000) continue;
    const interval = profile.timeDeltas[index + 1] ?? 0;
    const key = keyOf.get(profile.samples[index] ?? -1) ?? '(unknown)';
    selfUs.set(key, (selfUs.get(key) ?? 0) + interval);
    totalUs += interval;
  }
  const busyUs = totalUs - (selfUs.get('(idle)') ?? 0);
  const functions = [...selfUs]
    .filter(([key]) => key !== '(idle)')
    .map(([key, us]) => ({
      function: key,
      selfMs: us / 1000,
      busyPercent: busyUs === 0 ? 0 : (us / busyUs) * 100,
    }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs: totalUs / 1000, busyMs: busyUs / 1000, functions };
}

function functionKey(frame: CpuProfile['nodes'][number]['callFrame']): string {
  const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
  if (frame.url === '') return name;
  return `${name} ${shortenUrl(frame.url)}:${frame.lineNumber + 1}`;
}

function shortenUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+\/.*)$/.exec(path)?.[1];
  if (inPackage !== undefined) return inPackage;
  const inRepository = /\/((?:services|libs|test)\/.*)$/.exec(path)?.[1];
  return inRepository ?? path;
}
