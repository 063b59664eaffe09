import { describe, expect, it } from 'vitest';
import {
  formatAccountingTable,
  formatPublishTable,
  formatUsageGoals,
} from './format-usage-report.js';

describe('formatPublishTable', () => {
  it('shows each cost per event and how fast it was published', () => {
    const table = formatPublishTable([
      {
        outcome: 'bodies',
        pace: { kind: 'paced', perSecond: 2_000 },
        events: 20_000,
        wallMs: 10_000,
        publishedPerSecond: 2_000,
        buildCpuUsPerEvent: 21.25,
        recordCpuUsPerEvent: 30.04,
        totalCpuUsPerEvent: 61.5,
        systemCpuUsPerEvent: 20,
        baselineCpuUsPerEvent: 6.25,
        netCpuUsPerEvent: 55.25,
        meanMessageBytes: 17_390.4,
        bodiesDropped: 0,
        dropped: 0,
        retried: 0,
      },
    ]);
    expect(table.split('\n')[2]).toMatch(
      /^bodies\s+paced 2,000\/s\s+20,000\s+17,390\s+21\.3\s+30\.0\s+61\.5\s+6\.3\s+55\.3\s+2,000\s+0$/,
    );
  });
});

describe('formatAccountingTable', () => {
  it('shows rates, CPU per event and whether every row arrived', () => {
    const table = formatAccountingTable([
      {
        batchSize: 2_000,
        loops: 2,
        bodyShare: 0.1,
        events: 100_000,
        bodiesEvents: 10_000,
        prepublishMs: 3_000,
        firstRowsMs: 120,
        wallMs: 4_000,
        eventsPerSecond: 25_000,
        steadyEventsPerSecond: 26_500,
        cpuUsPerEvent: { accounting: 20.04, postgres: 31.26, natsServer: 2 },
        machineCpu: { busy: 0.93, ioWait: 0.02 },
        counters: { consumed: 100_000, inserted: 100_000, deadLettered: 0, insertFailures: 0 },
        stored: { ledgerRows: 100_000, rollupRequests: 99_000, bodyRows: 10_000 },
      },
    ]);
    expect(table.split('\n')[2]).toMatch(
      /^\s*2,000\s+2\s+10%\s+100,000\s+25,000\s+26,500\s+4\.00\s+20\.0\s+31\.3\s+2\.0\s+93%\s+2%\s+MISMATCH 100000\/99000$/,
    );
  });
});

describe('formatUsageGoals', () => {
  it('marks goals met, missed or not measured', () => {
    const table = formatUsageGoals([
      { goal: 'a', measured: 18_000, limit: 20_000, unit: 'events/s ≥', met: false },
      { goal: 'b', measured: 7.25, limit: 20, unit: 'µs ≤', met: true },
      { goal: 'c', measured: undefined, limit: 20, unit: 'µs ≤', met: undefined },
    ]);
    expect(table).toContain('MISSED');
    expect(table).toMatch(/b\s+met\s+7\.3\s+µs ≤ 20/);
    expect(table).toContain('not measured');
  });
});
