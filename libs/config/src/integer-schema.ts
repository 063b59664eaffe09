import { z } from 'zod';

const INTEGER_TEXT = /^\s*-?\d+\s*$/;

/**
 * An integer between `minimum` and `maximum`, given as a YAML number or as digits in a string
 * (environment variables and `${VAR}` interpolation always produce strings).
 */
export function integerSchema(minimum: number, maximum: number = Number.MAX_SAFE_INTEGER) {
  const range =
    maximum === Number.MAX_SAFE_INTEGER
      ? `must be at least ${minimum}`
      : `must be between ${minimum} and ${maximum}`;
  return z.preprocess(
    (value) => (typeof value === 'string' && INTEGER_TEXT.test(value) ? Number(value) : value),
    z
      .number({
        error: (issue) => (issue.input === undefined ? 'required' : 'expected an integer'),
      })
      .int({ error: 'expected an integer' })
      .min(minimum, { error: range })
      .max(maximum, { error: range }),
  );
}
