import type { MachineInfo } from '../report/read-machine-info.js';
import type { AccountingThroughput } from './measure-accounting-throughput.js';
import type { PublishCost } from './measure-publish-cost.js';
import type { UsageBenchOptions } from './parse-usage-bench-options.js';

/** A goal of issue #5 beside what the run measured. */
export interface UsageGoalCheck {
  readonly goal: string;
  readonly measured: number | undefined;
  readonly limit: number;
  readonly unit: string;
  /** Undefined when the run did not measure it. */
  readonly met: boolean | undefined;
}

/** Everything one `pnpm bench:usage` run measured, as printed and as written to results/. */
export interface UsageBenchReport {
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly machine: MachineInfo;
  /** 1, 5 and 15 minute load averages when the run ended. */
  readonly loadAverageAtEnd: readonly number[];
  readonly settings: Omit<UsageBenchOptions, 'help'>;
  /** Where it ran, passwords redacted. */
  readonly services: { readonly databaseUrl: string; readonly natsUrl: string };
  readonly publishing: readonly PublishCost[];
  readonly accounting: readonly AccountingThroughput[];
  readonly goals: readonly UsageGoalCheck[];
}
