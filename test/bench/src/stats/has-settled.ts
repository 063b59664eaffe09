/** How {@link hasSettled} decides that a server's CPU per request has stopped falling. */
export interface SettleRule {
  /** Rounds in a row that must fail to beat the best round before them. */
  readonly patience: number;
  /** How much lower than that best a round must be to count as still falling (0.05 = 5 %). */
  readonly minGain: number;
}

/** The rule the bench settles its servers by: 3 rounds in a row no more than 5 % below the best before. */
export const SETTLE_RULE: SettleRule = { patience: 3, minGain: 0.05 };

/**
 * Whether a server warming up has settled, from the CPU µs per request of each round so far: none
 * of the last `patience` rounds came more than `minGain` below the lowest round before them. A
 * JIT-compiled server gets cheaper per request for thousands of requests (V8 optimizes its hot
 * functions one by one); round-to-round noise is ±15 % on a shared machine, so one round that is
 * not lower proves nothing, and several in a row do.
 */
export function hasSettled(roundsUs: readonly number[], rule: SettleRule = SETTLE_RULE): boolean {
  if (roundsUs.length <= rule.patience) return false;
  const best = Math.min(...roundsUs.slice(0, -rule.patience));
  return roundsUs.slice(-rule.patience).every((us) => us >= best * (1 - rule.minGain));
}
