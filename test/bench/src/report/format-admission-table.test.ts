import { describe, expect, it } from 'vitest';
import { formatAdmissionTable } from './format-admission-table.js';

describe('formatAdmissionTable', () => {
  it('prints one row per scenario, TTFT n/a for chat, the CPU difference signed', () => {
    const table = formatAdmissionTable([
      {
        scenario: { kind: 'chat', concurrency: 1 },
        addedLatency: { p50: 0.1234, p99: -0.05 },
        addedFirstToken: undefined,
        throughputRatio: 0.9,
        gatewayCpuUs: { switchyard: 310.4, limited: 385.6 },
      },
      {
        scenario: { kind: 'stream', concurrency: 16 },
        addedLatency: { p50: 0.5, p99: 2 },
        addedFirstToken: { p50: 0.25, p99: 1 },
        throughputRatio: undefined,
        gatewayCpuUs: { switchyard: 500, limited: undefined },
      },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^scenario\s+\+latency p50\s+\+latency p99\s+\+TTFT p50/);
    expect(lines[2]?.split(/\s{2,}/)).toEqual([
      'chat c1',
      '+0.123',
      '-0.050',
      'n/a',
      'n/a',
      '0.90×',
      '310',
      '386',
      '+75',
    ]);
    expect(lines[3]?.split(/\s{2,}/)).toEqual([
      'stream c16',
      '+0.500',
      '+2.000',
      '+0.250',
      '+1.000',
      '—',
      '500',
      '—',
      '—',
    ]);
  });
});
