import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport } from './bench-report.js';

/** Writes the report as `<directory>/<timestamp>.json` and returns the file's path. */
export function writeResults(directory: string, report: BenchReport): string {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${report.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
