import { appendFileSync } from 'node:fs';

/**
 * Appends one measurement (`name value unit`) to the file test/images/run.sh prints at the end
 * (SWITCHYARD_IMAGES_REPORT); without it, nothing is written.
 */
export function recordMeasurement(name: string, value: number, unit: string): void {
  const file = process.env.SWITCHYARD_IMAGES_REPORT;
  if (file !== undefined && file !== '') appendFileSync(file, `${name} ${value} ${unit}\n`);
}
