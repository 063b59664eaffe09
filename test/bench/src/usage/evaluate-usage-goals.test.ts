import { describe, expect, it } from 'vitest';
import { evaluateUsageGoals } from './evaluate-usage-goals.js';
import type { AccountingThroughput } from './measure-accounting-throughput.js';
import type { PublishCost } from './measure-publish-cost.js';

const cost = (overrides: Partial<PublishCost>): PublishCost => ({
  outcome: 'realistic',
  pace: { kind: 'paced', perSecond: 2_000 },
  events: 1_000,
  wallMs: 500,
  publishedPerSecond: 2_000,
  buildCpuUsPerEvent: 3,
  recordCpuUsPerEvent: 5,
  totalCpuUsPerEvent: 27,
  systemCpuUsPerEvent: 10,
  baselineCpuUsPerEvent: 2,
  netCpuUsPerEvent: 25,
  meanMessageBytes: 700,
  bodiesDropped: 0,
  dropped: 0,
  retried: 0,
  ...overrides,
});

const run = (overrides: Partial<AccountingThroughput>): AccountingThroughput => ({
  batchSize: 500,
  loops: 2,
  bodyShare: 0,
  events: 1_000,
  bodiesEvents: 0,
  prepublishMs: 100,
  firstRowsMs: 10,
  wallMs: 100,
  eventsPerSecond: 10_000,
  steadyEventsPerSecond: 11_000,
  cpuUsPerEvent: { accounting: 30, postgres: 40, natsServer: 5 },
  machineCpu: { busy: 0.9, ioWait: 0.05 },
  counters: { consumed: 1_000, inserted: 1_000, deadLettered: 0, insertFailures: 0 },
  stored: { ledgerRows: 1_000, rollupRequests: 1_000, bodyRows: 0 },
  ...overrides,
});

describe('evaluateUsageGoals', () => {
  it('takes the best batching without bodies, and the realistic paced publish cost', () => {
    const goals = evaluateUsageGoals(
      [
        cost({
          pace: { kind: 'flat-out', highWater: 512 },
          totalCpuUsPerEvent: 9,
          netCpuUsPerEvent: 9,
        }),
        cost({}),
      ],
      [
        run({ eventsPerSecond: 12_000 }),
        run({ batchSize: 2_000, eventsPerSecond: 21_000 }),
        run({ bodyShare: 0.1, eventsPerSecond: 50_000 }),
      ],
    );
    expect(goals.map(({ measured, met }) => ({ measured, met }))).toEqual([
      { measured: 21_000, met: true },
      { measured: 25, met: false },
      { measured: 5, met: true },
    ]);
  });

  it('says what was not measured', () => {
    expect(evaluateUsageGoals([], []).map((goal) => goal.met)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
