/**
 * The pause before retry number `failures` (1-based): `initialMs` doubling up to `maxMs`, then
 * scaled by a jitter factor in [0.5, 1) from `random` so that replicas do not retry in step.
 */
export function backoffDelay(
  failures: number,
  retry: { initialMs: number; maxMs: number },
  random: number,
): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  const base = Math.min(retry.initialMs * 2 ** exponent, retry.maxMs);
  return Math.round(base * (0.5 + random / 2));
}
