/** The unit a goal is measured in. */
export type GoalUnit = 'µs' | 'ms' | 'MB' | '%' | '×' | 'streams';

/** One of the performance goals (issue 15), against what this run measured. */
export interface GoalCheck {
  readonly goal: string;
  /** The measured value, in `unit`; undefined when the run did not measure it. */
  readonly measured: number | undefined;
  /** The bound, in `unit`: the most allowed, or with `atLeast` the least. */
  readonly limit: number | undefined;
  readonly unit: GoalUnit;
  readonly atLeast: boolean;
  /** Where the numbers come from, with the ones the limit derives from (`1.3 × floor's 190 µs`). */
  readonly basis: string;
  /** Undefined when not measured. */
  readonly met: boolean | undefined;
}

/** A goal measured against a bound, met when on the right side of it (inclusive). */
export function checkGoal(
  goal: string,
  measured: number | undefined,
  bound: {
    readonly limit: number | undefined;
    readonly unit: GoalUnit;
    readonly atLeast?: boolean;
  },
  basis: string,
): GoalCheck {
  const atLeast = bound.atLeast === true;
  const { limit } = bound;
  return {
    goal,
    measured,
    limit,
    unit: bound.unit,
    atLeast,
    basis,
    met:
      measured === undefined || limit === undefined
        ? undefined
        : atLeast
          ? measured >= limit
          : measured <= limit,
  };
}
