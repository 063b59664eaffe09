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
