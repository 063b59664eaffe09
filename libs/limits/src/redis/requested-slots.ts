import type { GiveBack } from '../allowance.js';
import type { PlannedLimit } from '../planned-limit.js';

/** The concurrency slots an admission asked to be granted, by the names it gave them. */
export function requestedSlots(
  limits: readonly PlannedLimit[],
  wants: readonly number[],
  prefix: string,
): GiveBack[] {
  return limits.flatMap((limit, index) => {
    const want = wants[index] ?? 0;
    if (limit.kind !== 'concurrency' || want === 0) return [];
    const slots = Array.from({ length: want }, (_, n) => `${prefix}${n + 1}`);
    return [{ limit, units: 0, slots }];
  });
}
