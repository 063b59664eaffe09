import { isDeepStrictEqual } from 'node:util';

/**
 * Every value that differs from `base` in one field, at any depth, set to one of `oddValues`
 * (`undefined` removes an object's key): the inputs of a differential test between a hand-written
 * check and the schema it stands in for.
 */
export function* oneFieldVariants(
  base: unknown,
  oddValues: readonly unknown[],
): Generator<unknown> {
  if (typeof base !== 'object' || base === null) return;
  for (const key of Object.keys(base)) {
    const value = (base as Record<string, unknown>)[key];
    for (const odd of oddValues) yield replaced(base, key, odd);
    for (const inner of oneFieldVariants(value, oddValues)) yield replaced(base, key, inner);
  }
}

function replaced(base: object, key: string, value: unknown): unknown {
  const copy: Record<string, unknown> | unknown[] = Array.isArray(base) ? [...base] : { ...base };
  if (value === undefined && !Array.isArray(copy)) delete copy[key];
  else (copy as Record<string, unknown>)[key] = value;
  return copy;
}

/**
 * A differential test of a hand-written check against the schema it stands in for, over every
 * one-field variant of `bases`: each variant the check passes must be one the schema accepts and
 * returns unchanged. The counts say how many were compared (a check that refused everything
 * would compare nothing); `disagreements` holds the variants where the two differ, as JSON.
 */
export function compareCheckWithSchema(options: {
  check: (value: unknown) => boolean;
  parse: (value: unknown) => { success: boolean; data?: unknown };
  bases: readonly unknown[];
  oddValues: readonly unknown[];
}): { checked: number; passed: number; disagreements: string[] } {
  let checked = 0;
  let passed = 0;
  const disagreements: string[] = [];
  for (const base of options.bases) {
    for (const variant of oneFieldVariants(base, options.oddValues)) {
      checked += 1;
      if (!options.check(variant)) continue;
      passed += 1;
      const parsed = options.parse(variant);
      if (!parsed.success || !isDeepStrictEqual(parsed.data, variant)) {
        disagreements.push(JSON.stringify(variant));
      }
    }
  }
  return { checked, passed, disagreements };
}
