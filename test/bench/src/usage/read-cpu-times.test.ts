import { describe, expect, it } from 'vitest';
import { machineCpuShares, parseMachineCpuTicks } from './read-cpu-times.js';

describe('parseMachineCpuTicks', () => {
  it('reads the aggregate line: busy is all but idle and iowait', () => {
    const stat = 'cpu  100 5 50 800 40 3 2 0 0 0\ncpu0 50 2 25 400 20 1 1 0 0 0\nintr 1\n';
    expect(parseMachineCpuTicks(stat)).toEqual({ busy: 160, ioWait: 40, idle: 800 });
    expect(parseMachineCpuTicks('intr 1\n')).toBeUndefined();
  });
});

describe('machineCpuShares', () => {
  it('gives the busy and iowait shares between two readings', () => {
    expect(
      machineCpuShares({ busy: 100, ioWait: 10, idle: 890 }, { busy: 250, ioWait: 60, idle: 990 }),
    ).toEqual({ busy: 0.5, ioWait: 50 / 300 });
    expect(machineCpuShares(undefined, { busy: 1, ioWait: 0, idle: 0 })).toBeUndefined();
  });
});
