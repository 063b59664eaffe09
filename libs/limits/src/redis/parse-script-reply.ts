import type { LimitOutcome } from '../limit-outcome.js';

/** A reply of the limit scripts that is not what they return: a store error, not a verdict. */
export class UnexpectedScriptReplyError extends Error {
  constructor(script: string) {
    super(`unexpected reply from the ${script} rate-limit script`);
    this.name = 'UnexpectedScriptReplyError';
  }
}

function integers(reply: unknown, length: number, script: string): number[] {
  if (!Array.isArray(reply) || reply.length !== length) {
    throw new UnexpectedScriptReplyError(script);
  }
  return reply.map((value: unknown) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
      throw new UnexpectedScriptReplyError(script);
    }
    return value;
  });
}

/**
 * The admit script's reply: whether it admitted, one outcome per limit, and per limit the units
 * granted ahead to this replica's allowance.
 */
export function parseAdmitReply(
  reply: unknown,
  limitCount: number,
): { admitted: boolean; outcomes: LimitOutcome[]; granted: number[] } {
  const values = integers(reply, 1 + 6 * limitCount, 'admit');
  const outcomes: LimitOutcome[] = [];
  const granted: number[] = [];
  for (let index = 1; index < values.length; index += 6) {
    const [fits, retryAfterMs, tooLarge, remaining, resetMs, units] = values.slice(
      index,
      index + 6,
    );
    granted.push(units ?? 0);
    outcomes.push({
      fits: fits === 1,
      retryAfterMs: retryAfterMs ?? 0,
      tooLarge: tooLarge === 1,
      remaining: remaining ?? 0,
      resetMs: resetMs ?? 0,
    });
  }
  return { admitted: values[0] === 1, outcomes, granted };
}

/** The state script's reply: one outcome (remaining, reset) per limit. */
export function parseStateReply(reply: unknown, limitCount: number): LimitOutcome[] {
  const values = integers(reply, 2 * limitCount, 'state');
  const outcomes: LimitOutcome[] = [];
  for (let index = 0; index < values.length; index += 2) {
    const remaining = values[index] ?? 0;
    const resetMs = values[index + 1] ?? 0;
    outcomes.push({ fits: true, retryAfterMs: 0, tooLarge: false, remaining, resetMs });
  }
  return outcomes;
}
