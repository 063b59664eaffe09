/** Bounds of the reconnect backoff, in milliseconds. */
export interface ReconnectDelayBounds {
  initialMs: number;
  maxMs: number;
}

/**
 * The pause before the next reconnect attempt: short at first, growing with the outage (half of
 * it so far) up to `maxMs`, with ±20 % jitter so a fleet of gateways does not reconnect in step.
 */
export function reconnectDelay(
  outageMs: number,
  bounds: ReconnectDelayBounds,
  random: () => number = Math.random,
): number {
  const base = Math.min(bounds.maxMs, Math.max(bounds.initialMs, outageMs / 2));
  return Math.round(base * (0.8 + 0.4 * random()));
}
