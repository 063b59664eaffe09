import { cpus, loadavg, release, totalmem, type } from 'node:os';

/** The machine a run happened on: numbers from different machines do not compare. */
export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemoryBytes: number;
  readonly os: string;
  readonly node: string;
  /** 1, 5 and 15 minute load averages when the run started: a busy machine skews everything. */
  readonly loadAverage: readonly number[];
}

/** Reads the machine's description from node:os. */
export function readMachineInfo(): MachineInfo {
  const processors = cpus();
  return {
    cpus: processors.length,
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}
