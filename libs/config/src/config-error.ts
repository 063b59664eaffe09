import type { ConfigProblem } from './config-problem.js';

/** Thrown by `loadConfig` with every problem found, so a bad config is fixed in one pass. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map(
      (problem) => `${problem.source}: ${problem.path}: ${problem.reason}`,
    );
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid Switchyard configuration (${count}):\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.problems = Object.freeze(problems.map((problem) => Object.freeze({ ...problem })));
  }
}
